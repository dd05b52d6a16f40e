namespace AutoLab.Orchestrator.Tests.StateMachines.Doubles;

/// <summary>One fact a saga appended to the <see cref="RecordingJournal"/>, payload kept as the record it was.</summary>
public sealed record JournaledFact(long Sequence, string Kind, Guid? ExperimentId, string IdempotencyKey, DateTimeOffset Timestamp, object Payload);
