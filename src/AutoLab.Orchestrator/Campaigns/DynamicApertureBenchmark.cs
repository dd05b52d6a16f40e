using System.Globalization;
using System.Text;
using AutoLab.ActiveLearning.Genetic.Strategies;
using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Instrument;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Dynamic-aperture tuning (issue 6, item 4): NSGA-II, the ML-enhanced MOGA and multi-objective Bayesian
/// optimization (exact two-objective EHVI) tune the built-in ring's four sextupole families for the
/// largest on- and off-momentum dynamic aperture, on the same evaluation budget.
/// </summary>
/// <remarks>
/// <para>Figure of merit: the evaluations the ML-MOGA needs to reach NSGA-II's final hypervolume, as a
/// fraction of NSGA-II's (the budget); target ≤ 0.5, after the faster convergence Li et al. report for the
/// ML-enhanced MOGA (Phys. Rev. Accel. Beams 21, 054601, 2018; seed 000 lines 321–327). A run in which the
/// ML-MOGA never reaches it scores +∞.</para>
/// <para>Hypervolume (<see cref="HypervolumeCurve"/>) of everything measured so far, each area divided by
/// <see cref="AreaScale"/> (the half-plane area of the physical aperture, 70 × 15 mm, an upper bound on
/// either DA area), reference point (0, 0): a value in [0, 1].</para>
/// <para>With the lifetime proxy (<see cref="WithLifetime"/>, "dynamic_aperture_lifetime") the Touschek proxy of a
/// momentum-acceptance scan up to ±<see cref="LifetimeMaxMomentumDeviation"/> is a third maximised objective, scaled
/// by its largest value (δ = ±5 % on both sides, 25 %²); the hypervolume is then three-dimensional.</para>
/// <para>Each strategy runs as a campaign through the whole engine (<see cref="EngineCampaign"/>: sagas on the
/// in-memory bus, the <c>storage-ring</c> instrument, the readings analysis, the active-learning service and
/// the journal), with the spec of <c>examples/dynamic-aperture.yaml</c> at the benchmark's fidelity and without
/// its latency and faults, in synchronous batches (<c>batch_mode: synchronous</c>: a generation, or one EHVI batch, is asked
/// for whole once the previous one has finished). The curve is read from the journal in experiment order.</para>
/// </remarks>
public sealed class DynamicApertureBenchmark : ICampaignBenchmark
{
    /// <summary>The figure's target: at most half of NSGA-II's evaluations.</summary>
    public const double TargetFraction = 0.5;

    /// <summary>Turns per DA probe; fewer than the instrument's default 512 so several seeds fit in minutes.</summary>
    public const int Turns = 64;

    /// <summary>Rays per DA scan.</summary>
    public const int Angles = 7;

    /// <summary>The objectives: on- and off-momentum DA area, both maximised.</summary>
    public static IReadOnlyList<ObjectiveDefinition> Objectives { get; } =
    [
        new() { Name = RingReadingKeys.DynamicApertureArea, Direction = ObjectiveDirection.Maximize, Unit = "mm^2" },
        new() { Name = RingReadingKeys.OffMomentumArea, Direction = ObjectiveDirection.Maximize, Unit = "mm^2" },
    ];

    /// <summary>The objectives with the lifetime proxy: the two areas and the Touschek proxy, all maximised.</summary>
    public static IReadOnlyList<ObjectiveDefinition> LifetimeObjectives { get; } =
    [
        .. Objectives,
        new() { Name = RingReadingKeys.TouschekProxy, Direction = ObjectiveDirection.Maximize, Unit = "%^2" },
    ];

    /// <summary>Largest |δ| the lifetime variant's momentum-acceptance scan probes.</summary>
    public const double LifetimeMaxMomentumDeviation = 0.05;

    /// <summary>Normalising value of the Touschek proxy (%²): its value when both sides accept <see cref="LifetimeMaxMomentumDeviation"/>.</summary>
    public const double TouschekProxyScale = LifetimeMaxMomentumDeviation * LifetimeMaxMomentumDeviation * 1e4;

    /// <summary>Normalising area of both objectives (mm²): the physical aperture's half plane, 2 × 35 mm × 15 mm.</summary>
    public static double AreaScale { get; } = 2.0 * PhysicalAperture.Default.HalfWidth * PhysicalAperture.Default.HalfHeight * 1e6;

    /// <summary>What one evaluation tracks: 7 rays × 64 turns, 4 probes × 2 rounds of k-section, at δ = 0 and ±2 %; no momentum-acceptance scan.</summary>
    public static RingEvaluationSettings Evaluation { get; } = new()
    {
        DynamicAperture = new DynamicApertureSettings { Turns = Turns, Angles = Angles, ProbesPerRound = 4, Rounds = 2 },
        OffMomentumDelta = 0.02,
        MaxMomentumDeviation = 0.0,
    };

    private readonly IReadOnlyList<ObjectiveDefinition> _objectives;
    private readonly RingEvaluationSettings _evaluation;
    private readonly double[] _scales;

    /// <summary>The two-objective benchmark (on- and off-momentum DA).</summary>
    public DynamicApertureBenchmark()
        : this("dynamic_aperture", Objectives, Evaluation, [AreaScale, AreaScale])
    {
    }

    private DynamicApertureBenchmark(string name, IReadOnlyList<ObjectiveDefinition> objectives, RingEvaluationSettings evaluation, double[] scales)
    {
        Name = name;
        _objectives = objectives;
        _evaluation = evaluation;
        _scales = scales;
    }

    /// <summary>The three-objective benchmark: the two DA areas and the Touschek lifetime proxy, at the same DA fidelity.</summary>
    /// <returns>"dynamic_aperture_lifetime".</returns>
    public static DynamicApertureBenchmark WithLifetime() => new(
        "dynamic_aperture_lifetime",
        LifetimeObjectives,
        Evaluation with { MaxMomentumDeviation = LifetimeMaxMomentumDeviation },
        [AreaScale, AreaScale, TouschekProxyScale]);

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Population (experiments per generation) of the genetic strategies.</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>N.</returns>
    public static int Population(bool quick) => quick ? 8 : 16;

    /// <summary>Generations, the initial design included; the budget is population × generations for every strategy.</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>The count.</returns>
    public static int Generations(bool quick) => quick ? 5 : 8;

    /// <inheritdoc/>
    public CampaignFigure Run(int seed, bool quick)
    {
        int population = Population(quick);
        int budget = population * Generations(quick);
        var ring = new RingObjectiveFunction(_evaluation);
        string n = population.ToString(CultureInfo.InvariantCulture);

        double[] nsga = Curve(Nsga2Strategy.StrategyName, "population", n, budget, population, seed);
        double[] moga = Curve(MlMogaStrategy.StrategyName, "population", n, budget, population, seed);
        // EHVI: a Sobol design of one generation, then batches of one generation believed by kriging.
        double[] ehvi = Curve(ExpectedHypervolumeImprovementStrategy.StrategyName, "initial_points", n, budget, population, seed);
        // Uniform random settings of the same budget: the floor every optimiser must clear to be worth its model.
        double[] random = Curve(RandomStrategy.StrategyName, null, "", budget, population, seed);

        // The designer's setting as a reference line: what the optimisers must beat to be worth the beam time.
        IReadOnlyDictionary<string, double> asBuilt = ring.Evaluate(ring.AsBuilt());
        double asBuiltHypervolume = HypervolumeCurve.Of(
            [new Observation { ExperimentId = Guid.Empty, Sequence = 1, Parameters = ring.AsBuilt(), Objectives = _objectives.ToDictionary(o => o.Name, o => asBuilt[o.Name], StringComparer.Ordinal) }],
            _objectives,
            _scales)[0];

        double target = nsga[^1];
        double mogaToReach = HypervolumeCurve.EvaluationsToReach(moga, target);
        double ehviToReach = HypervolumeCurve.EvaluationsToReach(ehvi, target);
        return new CampaignFigure
        {
            Name = Name,
            Seed = seed,
            Metric = "ML-MOGA evaluations to reach NSGA-II's final hypervolume / NSGA-II's evaluations",
            Value = mogaToReach / budget,
            Target = TargetFraction,
            Comparison = TargetComparison.AtMost,
            Baselines = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["budget"] = budget,
                ["nsga2_final_hypervolume"] = nsga[^1],
                ["mlmoga_final_hypervolume"] = moga[^1],
                ["ehvi_final_hypervolume"] = ehvi[^1],
                ["ehvi_evaluations_to_nsga2_final_fraction"] = ehviToReach / budget,
                ["random_final_hypervolume"] = random[^1],
                ["random_evaluations_to_nsga2_final_fraction"] = HypervolumeCurve.EvaluationsToReach(random, target) / budget,
                ["as_built_hypervolume"] = asBuiltHypervolume,
                ["tracked_settings"] = (4 * budget) + ring.Evaluations,
            },
            Series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
            {
                ["evaluations"] = [.. Enumerable.Range(1, budget / population).Select(g => (double)(g * population))],
                ["nsga2_hypervolume"] = PerGeneration(nsga, population),
                ["mlmoga_hypervolume"] = PerGeneration(moga, population),
                ["ehvi_hypervolume"] = PerGeneration(ehvi, population),
                ["random_hypervolume"] = PerGeneration(random, population),
            },
            Method = string.Create(CultureInfo.InvariantCulture,
                $"each strategy a campaign through the engine in synchronous batches (in-memory bus, storage-ring instrument, readings analysis, journal); built-in DBA ring, knobs k2_sf, k2_sd, k2_sh1, k2_sh2 over their full power-supply limits; " +
                $"objectives on- and off-momentum (δ = ±2 %) DA area, {Angles} rays × {Turns} turns, 4 probes × 2 rounds; " +
                $"hypervolume of all points measured so far, areas / {AreaScale:F0} mm²{(_objectives.Count > 2 ? $", Touschek proxy (momentum acceptance scanned to ±{LifetimeMaxMomentumDeviation * 100:F0} %) / {TouschekProxyScale:F0} %²" : string.Empty)}, reference 0; " +
                $"budget {budget} = {budget / population} generations of {population} for nsga2, mlmoga (defaults), ehvi ({population} Sobol points, then batches of {population}) and uniform random settings (batches of {population})"),
        };
    }

    private double[] Curve(string strategy, string? optionName, string optionValue, int budget, int batch, int seed)
    {
        EngineCampaignResult run = EngineCampaign.RunAsync(Spec(strategy, optionName, optionValue, budget, batch, seed), $"da-{strategy}-{seed}").GetAwaiter().GetResult();
        if (run.Ended.Outcome != CampaignOutcome.Completed || run.Observations.Count != budget)
        {
            throw new InvalidOperationException($"the {strategy} campaign of seed {seed} ended {run.Ended.Outcome} ({run.Ended.Reason}) after {run.Observations.Count} of {budget} experiments");
        }

        return HypervolumeCurve.Of(run.Observations, _objectives, _scales);
    }

    /// <summary>The campaign spec of one strategy: examples/dynamic-aperture.yaml at this benchmark's fidelity and objectives, without latency or faults.</summary>
    /// <param name="strategy">Strategy name.</param>
    /// <param name="optionName">Its one option (population or initial points), or null for none.</param>
    /// <param name="optionValue">The option's value.</param>
    /// <param name="budget">Experiments.</param>
    /// <param name="batch">Batch size (a generation).</param>
    /// <param name="seed">Campaign seed.</param>
    /// <returns>The YAML.</returns>
    public string Spec(string strategy, string? optionName, string optionValue, int budget, int batch, int seed)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: da-bench-{strategy}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"seed: {seed}");
        yaml.AppendLine("space:");
        foreach (ParameterDefinition knob in RingObjectiveFunction.Space)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{name: {knob.Name}, type: continuous, bounds: [{knob.Lower:R}, {knob.Upper:R}]}}");
        }

        DynamicApertureSettings da = _evaluation.DynamicAperture;
        yaml.AppendLine("steps:");
        yaml.AppendLine(CultureInfo.InvariantCulture,
            $"  measure: {{instrument: storage-ring, timeout: 10m, attempts: 1, options: {{turns: \"{da.Turns}\", angles: \"{da.Angles}\", probes_per_round: \"{da.ProbesPerRound}\", rounds: \"{da.Rounds}\", off_momentum_delta: \"{_evaluation.OffMomentumDelta:R}\", max_momentum_deviation: \"{_evaluation.MaxMomentumDeviation:R}\"}}}}");
        yaml.AppendLine("analysis:");
        yaml.AppendLine("  - {model: readings}");
        yaml.AppendLine("objectives:");
        foreach (ObjectiveDefinition objective in _objectives)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{name: {objective.Name}, direction: maximize}}");
        }

        string options = optionName is null ? "{}" : $"{{{optionName}: {optionValue}}}";
        yaml.AppendLine(CultureInfo.InvariantCulture, $"strategy: {{name: {strategy}, options: {options}}}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"budget: {budget}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"batch_size: {batch}");
        // A batch is a generation (nsga2, mlmoga) or one joint EHVI batch: asked for whole, with every earlier result known.
        yaml.AppendLine("batch_mode: synchronous");
        return yaml.ToString();
    }

    private static double[] PerGeneration(double[] curve, int population) =>
        [.. Enumerable.Range(1, curve.Length / population).Select(g => curve[(g * population) - 1])];
}
