using System.Globalization;
using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Looking for one phase (issue 6, item 1, second mode; <c>examples/xrd-target-phase.yaml</c>): how many samples
/// Bayesian optimization of the CNN's Ni₃Al fraction needs to make a sample of at least <see cref="Richness"/> Ni₃Al,
/// against uniform random compositions.
/// </summary>
/// <remarks>
/// <para>Both designs run as campaigns through the whole engine (<see cref="EngineCampaign"/> with
/// <see cref="PhaseMapSpec"/>: synthesis robot with 1 at.% scatter, diffractometer, the <c>phase-id</c> stage reading the
/// benchmark's identifier, journal; no faults), two experiments in flight. <c>bo</c> maximises <c>fraction_ni3al</c>
/// after <see cref="DesignPoints"/> Sobol points; random draws uniformly over the triangle.</para>
/// <para>What a sample "is" is the equilibrium Ni₃Al fraction of the built-in diagram at the composition the campaign
/// asked for. Figure of merit: the samples <c>bo</c> needs to make one of at least <see cref="Richness"/>, divided by the
/// median samples uniform random compositions need, ln 2 / p with p the share of the triangle that rich (counted on a
/// <see cref="ShareDivisions"/>-step lattice). Target ≤ <see cref="TargetShare"/>, the issue's "with ≤ 30 % of its
/// samples" carried over from the mapping mode, since the issue sets none for this one. Also reported: the random
/// campaign's own result in the same budget, and the true fraction of the sample each campaign reports as its best (the
/// largest measured <c>fraction_ni3al</c>), which is what a user would take away.</para>
/// </remarks>
public sealed class TargetPhaseBenchmark : ICampaignBenchmark
{
    /// <summary>The figure's target: at most 30 % of random sampling's median samples.</summary>
    public const double TargetShare = 0.3;

    /// <summary>How rich in the target phase a sample must be to count as found.</summary>
    public const double Richness = 0.9;

    /// <summary>The target phase, as the built-in diagram names it, and the analysis output maximised.</summary>
    public const string Target = "Ni3Al";

    /// <summary>The objective: the phase-id stage's fraction of the target phase.</summary>
    public const string Objective = "fraction_ni3al";

    /// <summary>Sobol points before the GP takes over.</summary>
    public const int DesignPoints = 6;

    /// <summary>Experiments in flight, as in the example.</summary>
    public const int BatchSize = 2;

    /// <summary>Steps per edge of the lattice on which the rich share of the triangle is counted.</summary>
    public const int ShareDivisions = 100;

    // The built-in diagram's rich share is the same for every seed: counted once per process.
    private static readonly Lazy<double> BuiltInRichShare = new(() => RichShare(BuiltInPhaseDiagrams.FeNiAl()));

    /// <inheritdoc/>
    public string Name => "target_phase";

    /// <summary>Samples per campaign.</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>30, or 20 quick.</returns>
    public static int Budget(bool quick) => quick ? 20 : 30;

    /// <inheritdoc/>
    public CampaignFigure Run(int seed, bool quick)
    {
        (PhaseIdentifier identifier, string source) = PhaseMapBenchModel.Get(quick);
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        int budget = Budget(quick);
        var lab = new PhaseMapLab(identifier, seed);
        IReadOnlyList<Observation> optimized;
        IReadOnlyList<Observation> random;
        using (PhaseMapModelFolder model = PhaseMapModelFolder.Save(identifier, source))
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["objective"] = Objective, ["initial_points"] = DesignPoints.ToString(CultureInfo.InvariantCulture) };
            optimized = Campaign(BayesianOptimizationStrategy.StrategyName, options, lab, model.Registry, budget, seed);
            random = Campaign(RandomStrategy.StrategyName, null, lab, model.Registry, budget, seed);
        }

        double[] madeByBo = [.. optimized.Select(o => TargetFraction(diagram, o.Parameters))];
        double[] madeByRandom = [.. random.Select(o => TargetFraction(diagram, o.Parameters))];
        double share = BuiltInRichShare.Value;
        double randomMedian = Math.Log(2.0) / share;
        int found = Array.FindIndex(madeByBo, f => f >= Richness);
        int randomFound = Array.FindIndex(madeByRandom, f => f >= Richness);

        return new CampaignFigure
        {
            Name = Name,
            Seed = seed,
            Metric = string.Create(CultureInfo.InvariantCulture, $"samples bo needs to make a sample of ≥ {Richness:P0} {Target} / median samples uniform random compositions need (ln 2 / rich share of the triangle)"),
            Value = found < 0 ? double.PositiveInfinity : (found + 1) / randomMedian,
            Target = TargetShare,
            Comparison = TargetComparison.AtMost,
            Baselines = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["budget"] = budget,
                ["rich_share_of_triangle"] = share,
                ["random_median_samples_to_rich"] = randomMedian,
                ["bo_samples_to_rich"] = found < 0 ? double.PositiveInfinity : found + 1,
                ["random_campaign_samples_to_rich"] = randomFound < 0 ? double.PositiveInfinity : randomFound + 1,
                ["bo_richest_made"] = madeByBo.Max(),
                ["random_richest_made"] = madeByRandom.Max(),
                ["bo_reported_best_true_fraction"] = ReportedBestTruth(optimized, diagram),
                ["random_reported_best_true_fraction"] = ReportedBestTruth(random, diagram),
            },
            Series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
            {
                ["bo_richest_so_far"] = RunningMax(madeByBo),
                ["random_richest_so_far"] = RunningMax(madeByRandom),
            },
            Method = string.Create(CultureInfo.InvariantCulture,
                $"bo (objective {Objective}, {DesignPoints} Sobol points, log-EI, batches of {BatchSize} by kriging believer) and random, each a campaign through the engine (in-memory bus, synthesis robot with {PhaseMapLab.CompositionScatter * 100} at.% scatter, diffractometer at {PhaseMapLab.CountTime} s per point, phase-id stage with identifier '{source}', journal; no faults), {budget} samples; " +
                $"a sample's {Target} content is the built-in diagram's equilibrium fraction at the composition asked for; random's median samples to a ≥ {Richness:P0} sample from the rich share of a {PhaseMapLab.LatticeSize(ShareDivisions)}-point lattice"),
        };
    }

    /// <summary>The equilibrium fraction of the target phase at a composition (Al the remainder).</summary>
    /// <param name="diagram">The phase diagram.</param>
    /// <param name="point">Knobs Fe and Ni (atom fractions).</param>
    /// <returns>The fraction, 0 when the phase is absent.</returns>
    public static double TargetFraction(PhaseDiagram diagram, ParameterPoint point)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        ArgumentNullException.ThrowIfNull(point);
        double fe = point.Values["Fe"];
        double ni = point.Values["Ni"];
        return diagram.Equilibrium([fe, ni, Math.Max(0.0, 1.0 - fe - ni)]).Where(p => p.Phase == Target).Sum(p => p.Fraction);
    }

    /// <summary>The share of the composition triangle at least <see cref="Richness"/> rich in the target phase.</summary>
    /// <param name="diagram">The phase diagram.</param>
    /// <returns>The share of a <see cref="ShareDivisions"/>-step simplex lattice's points.</returns>
    public static double RichShare(PhaseDiagram diagram)
    {
        double[][] lattice = PhaseMapLab.SimplexLattice(ShareDivisions);
        int rich = lattice.Count(p => TargetFraction(diagram, new ParameterPoint { Values = new Dictionary<string, double> { ["Fe"] = p[0], ["Ni"] = p[1] } }) >= Richness);
        return rich / (double)lattice.Length;
    }

    private static IReadOnlyList<Observation> Campaign(string strategy, IReadOnlyDictionary<string, string>? options, PhaseMapLab lab, string registry, int budget, int seed)
    {
        string spec = PhaseMapSpec.Build(strategy, lab, registry, budget, BatchSize, seed, PhaseMapLab.FractionPrefix, PhaseMapLab.DetectionLevel, options: options);
        EngineCampaignResult run = EngineCampaign.RunAsync(spec, $"target-phase-{strategy}-{seed}").GetAwaiter().GetResult();
        if (run.Ended.Outcome != CampaignOutcome.Completed)
        {
            throw new InvalidOperationException($"the {strategy} target-phase campaign of seed {seed} ended {run.Ended.Outcome} ({run.Ended.Reason})");
        }

        return [.. run.Observations.Where(o => o.Succeeded)];
    }

    // The composition a user would take away: the largest measured fraction, its true content.
    private static double ReportedBestTruth(IReadOnlyList<Observation> observations, PhaseDiagram diagram) =>
        observations.Count == 0 ? 0.0 : TargetFraction(diagram, observations.MaxBy(o => o.Objectives[Objective])!.Parameters);

    private static double[] RunningMax(double[] values)
    {
        double[] running = new double[values.Length];
        double best = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            best = Math.Max(best, values[i]);
            running[i] = best;
        }

        return running;
    }
}
