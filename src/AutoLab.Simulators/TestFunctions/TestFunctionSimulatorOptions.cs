using AutoLab.Instruments.Hosting;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>
/// Defaults of a <see cref="TestFunctionInstrument"/>. Instant, noise-free and fault-free unless set;
/// every random draw comes from <see cref="Seed"/>, so the same seed gives the same outputs.
/// </summary>
/// <remarks>
/// A command's options override these per command (keys in <see cref="TestFunctionOptionKeys"/>).
/// Checked by <see cref="TestFunctionSimulatorOptionsValidator"/>.
/// </remarks>
public sealed class TestFunctionSimulatorOptions
{
    /// <summary>Default host time limit per command: ends injected timeouts so they do not hold the instrument.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Function used when a command names none (e.g. "branin"); null means every command must name one.</summary>
    public string? Function { get; set; }

    /// <summary>Number of inputs of a d-dimensional function; null means inferred from the parameter names or the point.</summary>
    public int? Dimension { get; set; }

    /// <summary>Point parameter names read as the function's inputs, in order; empty means x1, x2, ..., xd.</summary>
    public IList<string> ParameterNames { get; } = [];

    /// <summary>Standard deviation of the Gaussian noise added to every output, in the output's units; 0 for none.</summary>
    public double NoiseStandardDeviation { get; set; }

    /// <summary>Time each measurement takes on the injected <see cref="TimeProvider"/>; zero for instant.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Probability in [0, 1] that a command gets an injected fault.</summary>
    public double FaultRate { get; set; }

    /// <summary>Faults that may be injected; one of them is drawn uniformly for a faulty command.</summary>
    public InjectedFaults FaultModes { get; set; } = InjectedFaults.All;

    /// <summary>Seed of every random draw (noise and faults).</summary>
    public long Seed { get; set; }

    /// <summary>Steps the registered instrument serves; measure by default.</summary>
    public InstrumentCapabilities Capabilities { get; set; } = InstrumentCapabilities.Measure;

    /// <summary>Commands the registered instrument runs at once.</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Host time limit per command, or null for none (then an injected timeout hangs until shutdown).</summary>
    public TimeSpan? OperationTimeout { get; set; } = DefaultOperationTimeout;
}
