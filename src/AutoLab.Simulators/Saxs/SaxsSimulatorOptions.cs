using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Saxs;

/// <summary>Defaults of a <see cref="SaxsInstrument"/>: the sample, the camera, the film and the instrument's behaviour.</summary>
/// <remarks>
/// A command's options override these for that command (keys in <see cref="SaxsOptionKeys"/> and
/// <see cref="BehaviourOptionKeys"/>). Checked by <see cref="SaxsSimulatorOptionsValidator"/>.
/// </remarks>
public sealed class SaxsSimulatorOptions
{
    /// <summary>Default host time limit per command: ends injected timeouts so they do not hold the instrument.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The sample measured in solution mode, and the film's template in film mode.</summary>
    public SaxsSample Sample { get; set; } = new();

    /// <summary>Camera settings.</summary>
    public SaxsCameraSettings Camera { get; set; } = new();

    /// <summary>Whether points are sample parameters or film positions.</summary>
    public SaxsSampleKind SampleKind { get; set; } = SaxsSampleKind.Solution;

    /// <summary>Seed of the film's morphology map (independent of the noise seed in <see cref="Behaviour"/>).</summary>
    public long FilmSeed { get; set; }

    /// <summary>Film width (mm).</summary>
    public double FilmWidth { get; set; } = 20.0;

    /// <summary>Film height (mm).</summary>
    public double FilmHeight { get; set; } = 20.0;

    /// <summary>Latency, drift (relative flux change per hour), extra noise (relative, common to the whole curve), faults and the noise seed.</summary>
    public BehaviourOptions Behaviour { get; set; } = new();

    /// <summary>Steps the registered instrument serves; measure by default.</summary>
    public InstrumentCapabilities Capabilities { get; set; } = InstrumentCapabilities.Measure;

    /// <summary>Commands the registered instrument runs at once.</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Host time limit per command, or null for none.</summary>
    public TimeSpan? OperationTimeout { get; set; } = DefaultOperationTimeout;
}
