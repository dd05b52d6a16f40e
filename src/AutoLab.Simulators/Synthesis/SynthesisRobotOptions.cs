using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Synthesis;

/// <summary>Defaults of a <see cref="SynthesisRobotInstrument"/>.</summary>
public sealed class SynthesisRobotOptions
{
    /// <summary>The system the robot synthesises in.</summary>
    public PhaseDiagram Diagram { get; set; } = BuiltInPhaseDiagrams.FeNiAl();

    /// <summary>Scatter, failure rate and grain growth.</summary>
    public SynthesisSettings Synthesis { get; set; } = new();

    /// <summary>Latency (one synthesis), drift, faults and seed.</summary>
    public BehaviourOptions Behaviour { get; set; } = new();

    /// <summary>Commands the registered instrument runs at once (parallel synthesis stations).</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Host time limit per command, or null for none.</summary>
    public TimeSpan? OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        Synthesis.Validate();
        Behaviour.Validate();
        if (Capacity < 1)
        {
            throw new ArgumentException($"capacity must be at least 1, not {Capacity}", nameof(Capacity));
        }
    }

    /// <summary>Steps the robot serves.</summary>
    internal static InstrumentCapabilities Capabilities => InstrumentCapabilities.Prepare;
}
