using System.Diagnostics;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Training.Xrd;

/// <summary>
/// Generates labelled training patterns from the powder diffraction simulator: single phases and mixtures of
/// two or three phases, with seeded augmentation of everything a real measurement varies.
/// </summary>
/// <remarks>
/// <para>Per pattern, drawn from a stream seeded by (seed, index) so the set does not depend on thread
/// scheduling: the number of phases k (by <see cref="XrdTrainingSetOptions.PhaseCountProportions"/>), k distinct
/// phases, volume fractions m + (1 − k·m)·Dirichlet(α), a solid-solution position t ~ U(0, 1) for solid
/// solutions, per phase an isotropic strain ε and an axial strain of c, a log-uniform crystallite size (Scherrer
/// broadening); for the instrument Caglioti U, V, W each scaled by 1 + δ, a zero shift, a sample displacement, a
/// Chebyshev background c₀ (log-uniform), c₁ = ±0.4 c₀, c₂ = ±0.2 c₀, c₃ = ±0.1 c₀, and a log-uniform counting
/// time; counts are Poisson draws. This follows the training-set recipe of the adaptive-XRD classifier
/// (Szymanski et al. 2021, XRD-AutoAnalyzer: strain, broadening and texture shifts of simulated reference
/// patterns) and of PQ-Net (Dong et al. 2021: Chebyshev background and Poisson noise).</para>
/// <para>The label of a phase is its volume fraction exactly as <see cref="PhaseContribution.Fraction"/> defines it
/// for the simulator: intensities scale with fraction / V²cell, so equal fractions of phases with different
/// cells or scattering power do not give equal peak heights; the network must learn that.</para>
/// <para>Strain multiplies the cell edges, so a line at d moves to d(1 + ε) and 2θ falls by about
/// 2ε·tan θ radians. The simulator takes each reflection orbit's position from its representative (hkl), so
/// the axial strain moves orbits by different amounts rather than splitting them.</para>
/// </remarks>
public sealed class XrdTrainingSetGenerator
{
    private readonly IReadOnlyList<DiagramPhase> _phases;
    private readonly PowderPatternSimulator _simulator;
    private readonly PatternPreprocessor _preprocessor;
    private readonly XrdWindowSampler? _windows;

    /// <summary>Creates a generator.</summary>
    /// <param name="phases">The phases to tell apart (the label columns, in order); line compounds or solid solutions.</param>
    /// <param name="options">Mixture proportions and augmentation ranges.</param>
    /// <param name="simulator">A shared simulator (its compiled phases are cached), or null for a new one.</param>
    /// <exception cref="ArgumentException">Fewer phases than the largest mixture, duplicate names, or invalid options.</exception>
    public XrdTrainingSetGenerator(IReadOnlyList<DiagramPhase> phases, XrdTrainingSetOptions options, PowderPatternSimulator? simulator = null)
    {
        options.Validate();
        int largest = options.PhaseCountProportions.Count;
        while (largest > 1 && options.PhaseCountProportions[largest - 1] <= 0)
        {
            largest--;
        }

        if (phases.Count < Math.Max(1, largest))
        {
            throw new ArgumentException($"{phases.Count} phases cannot make mixtures of {largest}", nameof(phases));
        }

        if (phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != phases.Count)
        {
            throw new ArgumentException("phase names must be distinct: they name the label columns", nameof(phases));
        }

        _phases = phases;
        Options = options;
        _simulator = simulator ?? new PowderPatternSimulator();
        _preprocessor = new PatternPreprocessor(options.Grid, options.SubtractBackground, options.BackgroundWindow, options.ExposureChannel);
        _windows = options.Windows is null ? null : new XrdWindowSampler(phases, options, _simulator);
    }

    /// <summary>The options.</summary>
    public XrdTrainingSetOptions Options { get; }

    /// <summary>Names of the phases, the label columns in order.</summary>
    public IReadOnlyList<string> PhaseNames => [.. _phases.Select(p => p.Name)];

    /// <summary>The preprocessor applied to every generated pattern.</summary>
    public PatternPreprocessor Preprocessor => _preprocessor;

    /// <summary>The phases of the built-in Fe–Ni–Al diagram (<see cref="BuiltInPhaseDiagrams.FeNiAl"/>).</summary>
    /// <returns>Its phases in the diagram's order.</returns>
    public static IReadOnlyList<DiagramPhase> FeNiAlPhases() => BuiltInPhaseDiagrams.FeNiAl().Phases;

    /// <summary>Draws the phases and instrument of pattern <paramref name="index"/>; the same seed and index give the same draw.</summary>
    /// <param name="seed">The set's seed.</param>
    /// <param name="index">The pattern's index.</param>
    /// <returns>The draw.</returns>
    public XrdSampleDraw Draw(long seed, int index) => Draw(RandomStreams.For(seed, "xrd-training/draw", index + 1));

    /// <summary>The measured (Poisson) pattern of a draw on the options' grid.</summary>
    /// <param name="draw">The draw.</param>
    /// <param name="random">Stream for the counting noise.</param>
    /// <returns>The counts.</returns>
    public PowderPattern Measure(XrdSampleDraw draw, Random random) =>
        _simulator.Measure(Contributions(draw), draw.Instrument, Range(draw.CountTime), random);

    /// <summary>The noise-free pattern of a draw on the options' grid.</summary>
    /// <param name="draw">The draw.</param>
    /// <returns>The expected counts.</returns>
    public PowderPattern Expected(XrdSampleDraw draw) =>
        _simulator.Expected(Contributions(draw), draw.Instrument, Range(draw.CountTime));

    /// <summary>The structures and fractions the simulator receives for a draw (strain and solid solution applied).</summary>
    /// <param name="draw">The draw.</param>
    /// <returns>One contribution per drawn phase.</returns>
    public IReadOnlyList<PhaseContribution> Contributions(XrdSampleDraw draw) =>
        [.. draw.Phases.Select(p => new PhaseContribution(Strained(_phases[p.Index].At(p.SolidSolution), p.Strain, p.AxialStrain), p.Fraction, p.CrystalliteSize))];

    /// <summary>Generates patterns <paramref name="firstIndex"/> … <paramref name="firstIndex"/> + <paramref name="count"/> − 1 of the seed's sequence, in parallel.</summary>
    /// <param name="count">Number of patterns.</param>
    /// <param name="seed">The set's seed; the same seed gives the same set.</param>
    /// <param name="firstIndex">Index of the first pattern, so a validation set can continue the training set's sequence.</param>
    /// <returns>The preprocessed, labelled set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is not positive.</exception>
    public XrdTrainingSet Generate(int count, long seed, int firstIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int width = _preprocessor.InputWidth;
        int phases = _phases.Count;
        float[] inputs = new float[(long)count * width];
        float[] fractions = new float[count * phases];
        XrdSampleDraw[] draws = new XrdSampleDraw[count];
        Stopwatch clock = Stopwatch.StartNew();
        Parallel.For(0, count, i =>
        {
            XrdSampleDraw draw = Draw(seed, firstIndex + i);
            // With window options the pattern is a merged adaptive measurement; its full scan uses the same noise stream.
            PowderPattern pattern = _windows is null
                ? Measure(draw, RandomStreams.For(seed, "xrd-training/noise", firstIndex + i + 1))
                : _windows.Measure(Contributions(draw), draw, seed, firstIndex + i);
            _preprocessor.Process(pattern, inputs.AsSpan(i * width, width));
            foreach (XrdDrawnPhase phase in draw.Phases)
            {
                fractions[(i * phases) + phase.Index] = (float)phase.Fraction;
            }

            draws[i] = draw;
        });
        return new XrdTrainingSet(PhaseNames, Options.Grid, inputs, fractions, draws, clock.Elapsed.TotalSeconds) { Channels = _preprocessor.Channels };
    }

    /// <summary>A structure with its cell edges strained: a, b, c × (1 + ε) and c × (1 + ε_c) more.</summary>
    /// <param name="structure">The structure.</param>
    /// <param name="strain">Isotropic strain ε.</param>
    /// <param name="axialStrain">Extra strain of c.</param>
    /// <returns>The strained structure (same sites and symmetry).</returns>
    public static CrystalStructure Strained(CrystalStructure structure, double strain, double axialStrain)
    {
        UnitCell cell = structure.Cell;
        double s = 1.0 + strain;
        return structure with
        {
            Cell = new UnitCell(cell.A * s, cell.B * s, cell.C * s * (1.0 + axialStrain), cell.Alpha, cell.Beta, cell.Gamma),
        };
    }

    private ScanRange Range(double countTime)
    {
        XrdPatternGrid grid = Options.Grid;
        // Half a step past the end so floating-point rounding cannot drop the last grid point.
        return new ScanRange(grid.Start, grid.Stop + (grid.Step * 0.5), grid.Step, countTime);
    }

    private XrdSampleDraw Draw(Random random)
    {
        XrdTrainingSetOptions o = Options;
        int phaseCount = 1 + Pick(random, o.PhaseCountProportions);
        int[] chosen = [.. Enumerable.Range(0, _phases.Count).OrderBy(_ => random.NextDouble()).Take(phaseCount)];
        double[] gamma = [.. chosen.Select(_ => Gamma(random, o.DirichletConcentration))];
        double total = gamma.Sum();
        XrdDrawnPhase[] drawn = new XrdDrawnPhase[phaseCount];
        for (int k = 0; k < phaseCount; k++)
        {
            double fraction = phaseCount == 1 ? 1.0 : o.MinimumFraction + ((1.0 - (phaseCount * o.MinimumFraction)) * gamma[k] / total);
            double t = _phases[chosen[k]].OtherEndMember is null ? 0.0 : random.NextDouble();
            drawn[k] = new XrdDrawnPhase(
                chosen[k],
                fraction,
                t,
                Symmetric(random, o.MaximumStrain),
                Symmetric(random, o.MaximumAxialStrain),
                LogUniform(random, o.MinimumCrystalliteSize, o.MaximumCrystalliteSize));
        }

        DiffractometerSettings baseline = o.Instrument;
        double c0 = LogUniform(random, Math.Max(o.MinimumBackground, 1e-9), Math.Max(o.MaximumBackground, 1e-9));
        c0 = o.MaximumBackground <= 0 ? 0.0 : c0;
        DiffractometerSettings instrument = baseline with
        {
            U = baseline.U * (1.0 + Symmetric(random, o.CagliotiVariation)),
            V = baseline.V * (1.0 + Symmetric(random, o.CagliotiVariation)),
            W = baseline.W * (1.0 + Symmetric(random, o.CagliotiVariation)),
            ZeroShift = Symmetric(random, o.MaximumZeroShift),
            SampleDisplacement = Symmetric(random, o.MaximumSampleDisplacement),
            Background = [c0, Symmetric(random, 0.4 * c0), Symmetric(random, 0.2 * c0), Symmetric(random, 0.1 * c0)],
        };
        return new XrdSampleDraw(drawn, instrument, LogUniform(random, o.MinimumCountTime, o.MaximumCountTime));
    }

    private static int Pick(Random random, IReadOnlyList<double> weights)
    {
        double u = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        int last = weights.Count - 1;
        while (weights[last] <= 0)
        {
            last--;
        }

        return last;
    }

    private static double Symmetric(Random random, double half) => half * ((2.0 * random.NextDouble()) - 1.0);

    private static double LogUniform(Random random, double low, double high) =>
        low * Math.Exp(random.NextDouble() * Math.Log(high / low));

    // Marsaglia and Tsang (2000) for shape ≥ 1; for shape < 1, Gamma(a) = Gamma(a + 1)·U^(1/a).
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1.0)
        {
            return Gamma(random, shape + 1.0) * Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
        }

        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = random.NextGaussian();
            double v = 1.0 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
