namespace AutoLab.Simulators.Behaviour;

/// <summary>How a simulated instrument spends its latency.</summary>
public enum ClockMode
{
    /// <summary>Latency only advances the instrument's own <see cref="VirtualClock"/> (<see cref="InstrumentBehaviour.Elapsed"/>, host time excluded) and is reported as the step's duration; waits return at once, for fast dry runs.</summary>
    Virtual,

    /// <summary>Latency is waited on the injected <see cref="TimeProvider"/> (the system clock or a test's fake clock).</summary>
    Real,
}
