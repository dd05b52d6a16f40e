using AutoLab.Analysis.Models;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// The simulated lab of the phase-mapping benchmark: the synthesis robot makes an Fe–Ni–Al composition,
/// the diffractometer measures it, and the phase identifier turns the pattern into one presence
/// probability and a volume fraction per phase — the readings the <c>phase-id</c> stage gives a campaign.
/// </summary>
/// <remarks>
/// <para>A composition (Fe, Ni; Al the remainder, Fe + Ni ≤ 1) is made by <see cref="SynthesisModel.Make"/> with
/// 1 at.% scatter and the built-in diagram's equilibrium at the actual composition; the pattern is measured
/// by <see cref="PowderPatternSimulator.Measure"/> over the identifier's 2θ grid with the identifier's nominal
/// instrument, <see cref="CountTime"/> s per point and crystallites of the geometric middle of the sizes the
/// identifier was trained on. Each measurement draws its own noise stream from the lab's seed and a counter.</para>
/// <para>Ground truth (<see cref="TruthLabel"/>): the equilibrium phases at the nominal composition whose atom
/// fraction is at least <see cref="DetectionLevel"/>, the smallest fraction of a phase in the identifier's
/// training mixtures; below it no model here is asked to see a phase.</para>
/// <para>The benchmark measures its grids (and the NMF library) here; the designs a strategy chooses run through the
/// engine with the synthesis robot and diffractometer set up to simulate the same samples and scans
/// (<see cref="PhaseMapSpec"/>).</para>
/// </remarks>
public sealed class PhaseMapLab
{
    /// <summary>Smallest equilibrium fraction that counts as present in the ground truth.</summary>
    public const double DetectionLevel = 0.05;

    /// <summary>Counting time per 2θ point (s), inside the identifier's training range.</summary>
    public const double CountTime = 1.0;

    /// <summary>Standard deviation of the synthesis scatter of each atom fraction (1 at.%, as in examples/xrd-phase-mapping.yaml).</summary>
    public const double CompositionScatter = 0.01;

    /// <summary>Prefix of the presence outputs, as the phase-id stage names them.</summary>
    public const string PresencePrefix = "presence_";

    /// <summary>Prefix of the fraction outputs, as the phase-id stage names them.</summary>
    public const string FractionPrefix = "fraction_";

    private readonly PhaseIdentifier identifier;
    private readonly PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
    private readonly PowderPatternSimulator simulator = new();
    private readonly SynthesisSettings synthesis = new() { CompositionScatter = CompositionScatter };
    private readonly ScanRange range;
    private readonly double crystalliteSize;
    private readonly long seed;
    private int measured;

    /// <summary>Creates the lab.</summary>
    /// <param name="identifier">The phase identifier (not owned); its phases must be the diagram's.</param>
    /// <param name="seed">Seed of the scatter and counting noise.</param>
    /// <exception cref="ArgumentException">The identifier knows a phase the diagram does not have.</exception>
    public PhaseMapLab(PhaseIdentifier identifier, long seed)
    {
        this.identifier = identifier ?? throw new ArgumentNullException(nameof(identifier));
        this.seed = seed;
        string? unknown = identifier.PhaseNames.FirstOrDefault(name => diagram.Phases.All(p => p.Name != name));
        if (unknown is not null)
        {
            throw new ArgumentException($"the identifier's phase '{unknown}' is not a phase of {diagram.Name}", nameof(identifier));
        }

        var grid = identifier.Manifest.Grid;
        range = new ScanRange(grid.Start, grid.Stop, grid.Step, CountTime);
        var data = identifier.Manifest.Options.Data;
        crystalliteSize = Math.Sqrt(data.MinimumCrystalliteSize * data.MaximumCrystalliteSize);
        Slugs = [.. identifier.PhaseNames.Select(StageOutputs.Slug)];
    }

    /// <summary>The search space: atom fractions of Fe and Ni.</summary>
    public static IReadOnlyList<ParameterDefinition> Space { get; } =
    [
        new() { Name = "Fe", Kind = ParameterKind.Continuous, Lower = 0.0, Upper = 1.0, Unit = "at. fraction" },
        new() { Name = "Ni", Kind = ParameterKind.Continuous, Lower = 0.0, Upper = 1.0, Unit = "at. fraction" },
    ];

    /// <summary>Fe + Ni ≤ 1: Al is the remainder.</summary>
    public static IReadOnlyList<LinearConstraint> Constraints { get; } =
    [
        new() { Label = "Fe + Ni <= 1", Coefficients = new Dictionary<string, double>(StringComparer.Ordinal) { ["Fe"] = 1.0, ["Ni"] = 1.0 }, UpperBound = 1.0 },
    ];

    /// <summary>The scan of every measurement: the identifier's 2θ grid at <see cref="CountTime"/> s per point.</summary>
    public ScanRange Range => range;

    /// <summary>The diffractometer the patterns are simulated with: the one the identifier's training patterns were.</summary>
    public DiffractometerSettings Instrument => identifier.Manifest.Options.Data.Instrument;

    /// <summary>Crystallite size (nm) of every sample: the geometric middle of the sizes the identifier was trained on.</summary>
    public double CrystalliteSize => crystalliteSize;

    /// <summary>The phases' output-name fragments, in the identifier's order (e.g. "gamma_ni_fe").</summary>
    public IReadOnlyList<string> Slugs { get; }

    /// <summary>One output name per phase, in the identifier's order.</summary>
    /// <param name="prefix"><see cref="PresencePrefix"/> or <see cref="FractionPrefix"/>.</param>
    /// <returns>E.g. "presence_gamma_ni_fe".</returns>
    public IReadOnlyList<string> Outputs(string prefix) => [.. Slugs.Select(slug => prefix + slug)];

    /// <summary>Every reading as a campaign objective: the presence and the fraction of each phase.</summary>
    public IReadOnlyList<ObjectiveDefinition> Objectives =>
        [.. Outputs(PresencePrefix).Concat(Outputs(FractionPrefix)).Select(name => new ObjectiveDefinition { Name = name, Direction = ObjectiveDirection.Maximize })];

    /// <summary>The identifier's phase names, in output order.</summary>
    public IReadOnlyList<string> PhaseNames => identifier.PhaseNames;

    /// <summary>Preprocessed patterns of every measurement so far, in order (the library the NMF demixes).</summary>
    public List<float[]> Library { get; } = [];

    /// <summary>Makes and measures the composition at a point and identifies its phases.</summary>
    /// <param name="point">Values of Fe and Ni.</param>
    /// <returns>Presence probability and volume fraction of each phase.</returns>
    public IReadOnlyDictionary<string, double> Measure(ParameterPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        int index = ++measured;
        Random random = RandomStreams.For(seed, "phase-map-lab", index);
        double[] nominal = Composition(point.Values["Fe"], point.Values["Ni"]);
        SynthesizedSample sample = SynthesisModel.Make(diagram, synthesis, $"pm-{index}", nominal, synthesis.DefaultAnnealTemperature, random);
        PhaseContribution[] contributions = [.. sample.Phases.Select(p => new PhaseContribution(p.Structure, p.Fraction, crystalliteSize))];
        PowderPattern pattern = simulator.Measure(contributions, identifier.Manifest.Options.Data.Instrument, range, random);
        Library.Add(identifier.Preprocessor.Process(pattern));
        PhasePrediction prediction = identifier.Predict([pattern])[0];
        Dictionary<string, double> readings = new(StringComparer.Ordinal);
        for (int k = 0; k < Slugs.Count; k++)
        {
            readings[PresencePrefix + Slugs[k]] = prediction.Presence[k];
            readings[FractionPrefix + Slugs[k]] = prediction.Fractions[k];
        }

        return readings;
    }

    /// <summary>The preprocessed noise-free pattern of one phase alone (a solid solution at its middle), as this lab would see it.</summary>
    /// <param name="phase">A phase of the diagram.</param>
    /// <returns>The pattern on the identifier's grid.</returns>
    public float[] Reference(DiagramPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        PhaseContribution[] alone = [new PhaseContribution(phase.At(0.5), 1.0, crystalliteSize)];
        return identifier.Preprocessor.Process(simulator.Expected(alone, identifier.Manifest.Options.Data.Instrument, range));
    }

    /// <summary>The true phase set at a nominal composition: bit k for phase k of <paramref name="phaseNames"/> with equilibrium fraction ≥ <see cref="DetectionLevel"/>.</summary>
    /// <param name="diagram">The phase diagram.</param>
    /// <param name="fe">Fe atom fraction.</param>
    /// <param name="ni">Ni atom fraction.</param>
    /// <param name="phaseNames">The phases in label-bit order.</param>
    /// <returns>The label.</returns>
    public static ulong TruthLabel(PhaseDiagram diagram, double fe, double ni, IReadOnlyList<string> phaseNames)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        ArgumentNullException.ThrowIfNull(phaseNames);
        ulong label = 0;
        foreach (PhaseFraction phase in diagram.Equilibrium(Composition(fe, ni)))
        {
            int k = IndexOf(phaseNames, phase.Phase);
            if (k >= 0 && phase.Fraction >= DetectionLevel)
            {
                label |= 1UL << k;
            }
        }

        return label;
    }

    /// <summary>The points (Fe, Ni) of a simplex lattice with <paramref name="divisions"/> steps per edge: (n + 1)(n + 2)/2 points, corners included.</summary>
    /// <param name="divisions">Steps per edge, at least 1.</param>
    /// <returns>The points, Fe outer, Ni inner.</returns>
    public static double[][] SimplexLattice(int divisions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(divisions, 1);
        List<double[]> points = [];
        for (int i = 0; i <= divisions; i++)
        {
            for (int j = 0; j <= divisions - i; j++)
            {
                points.Add([i / (double)divisions, j / (double)divisions]);
            }
        }

        return [.. points];
    }

    /// <summary>Points of a simplex lattice with <paramref name="divisions"/> steps per edge.</summary>
    /// <param name="divisions">Steps per edge.</param>
    /// <returns>(n + 1)(n + 2)/2.</returns>
    public static int LatticeSize(int divisions) => (divisions + 1) * (divisions + 2) / 2;

    private static double[] Composition(double fe, double ni)
    {
        double al = Math.Max(0.0, 1.0 - fe - ni);
        double sum = fe + ni + al;
        return [fe / sum, ni / sum, al / sum];
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
