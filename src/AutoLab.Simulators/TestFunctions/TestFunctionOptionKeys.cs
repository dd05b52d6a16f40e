namespace AutoLab.Simulators.TestFunctions;

/// <summary>Command option keys a <see cref="TestFunctionInstrument"/> reads (from the campaign spec's instrument options).</summary>
public static class TestFunctionOptionKeys
{
    /// <summary>Function name, e.g. "branin".</summary>
    public const string Function = "function";

    /// <summary>Number of inputs of a d-dimensional function, e.g. "4".</summary>
    public const string Dimension = "dimension";

    /// <summary>Comma-separated point parameter names read as inputs, in order, e.g. "k1,k2".</summary>
    public const string Parameters = "parameters";

    /// <summary>Noise standard deviation, e.g. "0.05".</summary>
    public const string NoiseStandardDeviation = "noise_sd";

    /// <summary>Latency in seconds, e.g. "2.5".</summary>
    public const string LatencySeconds = "latency_s";

    /// <summary>Fault probability in [0, 1], e.g. "0.1".</summary>
    public const string FaultRate = "fault_rate";

    /// <summary>Comma-separated fault modes: refusal, timeout, garbage.</summary>
    public const string FaultModes = "fault_modes";

    /// <summary>Seed, an integer.</summary>
    public const string Seed = "seed";
}
