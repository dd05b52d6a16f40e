using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Training.Xrd;

/// <summary>What <see cref="XrdTrainingSetGenerator"/> draws: the mixture proportions and the ranges of every augmentation.</summary>
/// <remarks>
/// Every range is sampled uniformly unless it says log-uniform. Defaults describe a laboratory Cu Kα1
/// diffractometer measuring sintered or ball-milled alloy powders; docs/analysis.md lists them with reasons.
/// </remarks>
public sealed record XrdTrainingSetOptions
{
    /// <summary>The grid the patterns are simulated on (and the network reads).</summary>
    public XrdPatternGrid Grid { get; init; } = XrdPatternGrid.Default;

    /// <summary>The instrument every draw perturbs (wavelength, Caglioti widths, scale, goniometer radius).</summary>
    public DiffractometerSettings Instrument { get; init; } = new();

    /// <summary>Relative weights of samples with 1, 2 and 3 phases (need not sum to 1); e.g. [1] for single-phase only, [0, 1] for two-phase only.</summary>
    public IReadOnlyList<double> PhaseCountProportions { get; init; } = [0.4, 0.3, 0.3];

    /// <summary>Concentration α of the symmetric Dirichlet the fractions of a mixture are drawn from (1 is uniform on the simplex).</summary>
    public double DirichletConcentration { get; init; } = 1.0;

    /// <summary>
    /// Smallest volume fraction of a phase in a mixture: fractions are m + (1 − k·m)·Dirichlet for k phases, so a
    /// "present" phase always has a line the network can see.
    /// </summary>
    public double MinimumFraction { get; init; } = 0.05;

    /// <summary>Largest isotropic lattice strain |ε| (every cell edge × (1 + ε)); 0.015 is ±1.5 %.</summary>
    public double MaximumStrain { get; init; } = 0.015;

    /// <summary>Largest extra strain of the c edge alone (an axial distortion that shifts reflections by different amounts).</summary>
    public double MaximumAxialStrain { get; init; } = 0.003;

    /// <summary>Smallest crystallite size for Scherrer broadening (nm); sizes are log-uniform.</summary>
    public double MinimumCrystalliteSize { get; init; } = 15.0;

    /// <summary>Largest crystallite size (nm).</summary>
    public double MaximumCrystalliteSize { get; init; } = 200.0;

    /// <summary>Relative variation of each Caglioti parameter U, V, W (each × (1 + δ), |δ| ≤ this).</summary>
    public double CagliotiVariation { get; init; } = 0.3;

    /// <summary>Largest zero shift |Δ₀| (degrees 2θ).</summary>
    public double MaximumZeroShift { get; init; } = 0.1;

    /// <summary>Largest sample displacement |s| (mm).</summary>
    public double MaximumSampleDisplacement { get; init; } = 0.15;

    /// <summary>Smallest flat background c₀ (counts/s); c₀ is log-uniform up to <see cref="MaximumBackground"/>.</summary>
    public double MinimumBackground { get; init; } = 2.0;

    /// <summary>Largest flat background c₀ (counts/s).</summary>
    public double MaximumBackground { get; init; } = 60.0;

    /// <summary>Shortest counting time per step (s); times are log-uniform.</summary>
    public double MinimumCountTime { get; init; } = 0.1;

    /// <summary>Longest counting time per step (s).</summary>
    public double MaximumCountTime { get; init; } = 3.0;

    /// <summary>Whether the preprocessor subtracts its background estimate (see <see cref="PatternPreprocessor"/>).</summary>
    public bool SubtractBackground { get; init; } = true;

    /// <summary>Background window of the preprocessor (degrees 2θ).</summary>
    public double BackgroundWindow { get; init; } = 3.0;

    /// <summary>
    /// Whether the inputs carry a second channel with each point's counting noise (see
    /// <see cref="PatternPreprocessor.ExposureChannel"/>), so a model can weigh well-counted windows of a merged
    /// measurement; off by default (one channel, as every model saved before it had).
    /// </summary>
    public bool ExposureChannel { get; init; }

    /// <summary>
    /// When set, every pattern becomes a merged adaptive measurement (a full scan plus 0 … n longer windows; see
    /// <see cref="XrdWindowOptions"/>); null (the default) keeps plain full scans.
    /// </summary>
    public XrdWindowOptions? Windows { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (PhaseCountProportions.Count is 0 or > 3 || PhaseCountProportions.Any(p => !(p >= 0) || !double.IsFinite(p)) || !(PhaseCountProportions.Sum() > 0))
        {
            throw new ArgumentException("phase-count proportions need 1 to 3 non-negative weights with a positive sum", nameof(PhaseCountProportions));
        }

        if (!(DirichletConcentration > 0) || !(MinimumFraction >= 0 && MinimumFraction * PhaseCountProportions.Count < 1))
        {
            throw new ArgumentException("Dirichlet concentration must be positive and minimum fraction × max phases below 1", nameof(MinimumFraction));
        }

        if (!(MaximumStrain is >= 0 and < 0.2) || !(MaximumAxialStrain is >= 0 and < 0.2))
        {
            throw new ArgumentException("strains must be in [0, 0.2)", nameof(MaximumStrain));
        }

        if (!(MinimumCrystalliteSize > 0 && MaximumCrystalliteSize >= MinimumCrystalliteSize))
        {
            throw new ArgumentException("crystallite sizes must be positive with minimum ≤ maximum", nameof(MinimumCrystalliteSize));
        }

        if (!(CagliotiVariation is >= 0 and < 1) || !(MaximumZeroShift >= 0) || !(MaximumSampleDisplacement >= 0))
        {
            throw new ArgumentException("Caglioti variation must be in [0, 1), zero shift and displacement not negative", nameof(CagliotiVariation));
        }

        if (!(MinimumBackground >= 0 && MaximumBackground >= MinimumBackground) || !(MinimumCountTime > 0 && MaximumCountTime >= MinimumCountTime))
        {
            throw new ArgumentException("background and count-time ranges must be non-negative (count time positive) with minimum ≤ maximum", nameof(MinimumCountTime));
        }

        Windows?.Validate();
        Instrument.Validate();
    }
}
