using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Simulators.Xrd;

/// <summary>Defaults of a <see cref="DiffractometerInstrument"/>; a command's options override them (keys in <see cref="XrdOptionKeys"/>).</summary>
public sealed class DiffractometerOptions
{
    /// <summary>Instrument parameters (wavelength, widths, background, scale).</summary>
    public DiffractometerSettings Settings { get; set; } = new();

    /// <summary>First 2θ (degrees).</summary>
    public double TwoThetaMin { get; set; } = 10.0;

    /// <summary>Last 2θ (degrees).</summary>
    public double TwoThetaMax { get; set; } = 90.0;

    /// <summary>Step (degrees).</summary>
    public double Step { get; set; } = 0.02;

    /// <summary>Counting time per step (s).</summary>
    public double CountTime { get; set; } = 1.0;

    /// <summary>Crystallite size (nm) of samples named by phase or CIF.</summary>
    public double CrystalliteSize { get; set; } = 100.0;

    /// <summary>
    /// System used when a command's sample is not on the shelf (e.g. measured without the robot): the
    /// point's composition is then measured at equilibrium, without scatter. Null to refuse such commands.
    /// </summary>
    public PhaseDiagram? Diagram { get; set; }

    /// <summary>Latency, drift of the zero shift (degrees 2θ per hour), extra noise, faults and seed.</summary>
    public BehaviourOptions Behaviour { get; set; } = new();

    /// <summary>
    /// The scan sums of option <c>accumulate</c>, shared by every device made from these options (a lease
    /// pool's devices add to the same sums). Sums of a run's experiments are also kept in the run folder
    /// (<see cref="DiffractometerSumsLocation"/>), so a new process continues them.
    /// </summary>
    public DiffractometerAccumulator Accumulator { get; } = new();

    /// <summary>Commands the registered instrument runs at once.</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Host time limit per command, or null for none.</summary>
    public TimeSpan? OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        Settings.Validate();
        Behaviour.Validate();
        _ = new ScanRange(TwoThetaMin, TwoThetaMax, Step, CountTime);
        if (!(CrystalliteSize > 0) || Capacity < 1)
        {
            throw new ArgumentException($"crystallite size must be positive and capacity at least 1, not {CrystalliteSize} nm and {Capacity}");
        }
    }
}
