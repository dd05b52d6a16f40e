namespace AutoLab.Orchestrator.Tests.StateMachines.Doubles;

/// <summary>A timer a saga asked <see cref="RecordingStepTimers"/> for: the message it would publish and after how long.</summary>
public sealed record ScheduledTimer<T>(T Message, TimeSpan Delay)
    where T : class;
