namespace AutoLab.Simulators.Xrd;

/// <summary>Command option keys the diffractometer reads, besides <see cref="Behaviour.BehaviourOptionKeys"/>.</summary>
public static class XrdOptionKeys
{
    /// <summary>First 2θ (degrees).</summary>
    public const string TwoThetaMin = "two_theta_min";

    /// <summary>Last 2θ (degrees).</summary>
    public const string TwoThetaMax = "two_theta_max";

    /// <summary>Step (degrees).</summary>
    public const string Step = "step";

    /// <summary>Counting time per step (s).</summary>
    public const string CountTime = "count_time";

    /// <summary>Wavelength (Å).</summary>
    public const string Wavelength = "wavelength";

    /// <summary>Zero shift (degrees 2θ).</summary>
    public const string ZeroShift = "zero_shift";

    /// <summary>Sample displacement (mm).</summary>
    public const string SampleDisplacement = "sample_displacement_mm";

    /// <summary>Measure a built-in phase instead of a synthesised sample, e.g. "Si".</summary>
    public const string Phase = "phase";

    /// <summary>Measure the structure in a CIF file instead of a synthesised sample.</summary>
    public const string Cif = "cif";

    /// <summary>Crystallite size (nm) of a phase or CIF sample.</summary>
    public const string CrystalliteSize = "crystallite_size_nm";

    /// <summary>Where samples come from: "changer" for the seeded sample changer (<see cref="DiffractometerSampleChanger"/>); otherwise the shelf, a phase or a CIF.</summary>
    public const string Samples = "samples";

    /// <summary>The value of <see cref="Samples"/> that selects the sample changer.</summary>
    public const string ChangerSamples = "changer";

    /// <summary>Seed of the sample changer's compositions.</summary>
    public const string ChangerSeed = "changer_seed";

    /// <summary>Number of slots in the sample changer (slots 1 … size).</summary>
    public const string ChangerSize = "changer_size";

    /// <summary>"true" to add up every scan of a sample and return the merged pattern (<see cref="DiffractometerAccumulator"/>).</summary>
    public const string Accumulate = "accumulate";
}
