using System.Globalization;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// SAXS kriging map (issue 6, item 3): how well a film's map of the Guinier radius of gyration is
/// reconstructed from the spots the kriging explorer chose, against a regular grid and random spots with
/// the same number of measurements.
/// </summary>
/// <remarks>
/// <para>The setting of Noack et al.'s autonomous SAXS mapping (gpCAM; seed 000 lines 341 and 363): the
/// camera measures I(q) at a spot (x, y) of a film whose nanostructure varies with position, the analysis
/// turns the curve into Rg, and a Gaussian process model of Rg(x, y) decides where to measure next
/// (<see cref="KrigingExplorerStrategy"/>). Two acquisitions run side by side: largest posterior variance
/// (batches by the kriging believer) and the largest drop of the variance integrated over the film (imse);
/// the figure, and every <c>kriging_</c> key without an acquisition in its name, is that of the strategy's
/// default (<see cref="KrigingExplorerStrategy.DefaultAcquisition"/>). imse measures its own instance of the
/// film (same map, same noise seed), so <c>counting_time_all_designs_s</c> counts the other designs and
/// <c>counting_time_kriging_imse_s</c> the imse design.</para>
/// <para>Each seed draws its own film (film seed = seed), counting noise and strategy seed. Every design is
/// reconstructed by the same GP (<see cref="SaxsMapReconstruction"/>) and scored on a dense grid
/// (<see cref="TruthGrid"/>) against the noise-free map
/// (<see cref="SaxsMapFilm.GroundTruth"/>): RMSE / std of the truth. Figure of merit: kriging's error at the
/// final budget divided by the grid's; target ≤ 1 (kriging maps at least as well as the grid). Also reported:
/// the measurements kriging needs to reach the grid's final error (+∞ when it never does).</para>
/// <para>The designs run ask-tell (<see cref="AskTellCampaign"/>) against the <see cref="SaxsInstrument"/>
/// device itself (<see cref="SaxsMapFilm.Measure"/>), not through the bus; the engine would add start-up
/// and journaling around the same suggestions and readings. <c>examples/saxs-kriging-map.yaml</c> runs the
/// kriging campaign through the full engine, with faults.</para>
/// </remarks>
public sealed class SaxsMapBenchmark : ICampaignBenchmark
{
    /// <summary>The figure's target: kriging's final error at most the grid's.</summary>
    public const double TargetRatio = 1.0;

    /// <summary>Points per axis of the grid on which reconstructions are scored: 41, or 21 in a quick run (the ground truth costs one curve per point).</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>Points per axis.</returns>
    public static int TruthGrid(bool quick) => quick ? 21 : 41;

    /// <summary>Measurements per batch for the kriging and random designs, as in the example.</summary>
    public const int BatchSize = 4;

    /// <summary>The objective: the Guinier radius of gyration (Å) read from the instrument.</summary>
    public static IReadOnlyList<ObjectiveDefinition> Objectives { get; } =
    [
        new() { Name = SaxsInstrument.RadiusOfGyrationKey, Direction = ObjectiveDirection.Maximize, Unit = "Å" },
    ];

    /// <inheritdoc/>
    public string Name => "saxs_map";

    /// <summary>Measurement counts at which the designs are compared: squares, so the regular grid is exact (4 × 4, 6 × 6, 8 × 8).</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>Ascending counts; the last is the budget.</returns>
    public static IReadOnlyList<int> Budgets(bool quick) => quick ? [16, 36] : [16, 36, 64];

    /// <inheritdoc/>
    public CampaignFigure Run(int seed, bool quick)
    {
        IReadOnlyList<int> budgets = Budgets(quick);
        int budget = budgets[^1];
        var film = new SaxsMapFilm(filmSeed: seed, noiseSeed: seed);
        int perAxis = TruthGrid(quick);
        double[][] grid = SaxsMapFilm.GridPoints(perAxis);
        double[] truth = film.GroundTruth(perAxis);
        var space = new SearchSpace(SaxsMapFilm.Space);

        // Every adaptive design is a campaign through the engine; the regular grid is no strategy, so it is measured directly.
        IReadOnlyList<Observation> variance = Campaign(KrigingExplorerStrategy.StrategyName, "variance", budget, seed);
        IReadOnlyList<Observation> imse = Campaign(KrigingExplorerStrategy.StrategyName, "imse", budget, seed);
        IReadOnlyList<Observation> random = Campaign(RandomStrategy.StrategyName, null, budget, seed);
        IReadOnlyList<Observation> sobol = Campaign(SobolStrategy.StrategyName, null, budget, seed);

        // The default acquisition after every batch from the second on, for the count at which it reaches the grid's final error.
        bool imseByDefault = KrigingExplorerStrategy.DefaultAcquisition == "imse";
        IReadOnlyList<Observation> kriging = imseByDefault ? imse : variance;
        int[] krigingCounts = [.. Enumerable.Range(2, (budget / BatchSize) - 1).Select(b => b * BatchSize)];
        double[] krigingCurve = [.. krigingCounts.Select(n => ErrorOf(kriging.Take(n), space, grid, truth, seed))];
        double[] gridErrors = [.. budgets.Select(n => ErrorOf(MeasureGrid(film, n), space, grid, truth, seed))];
        double[] randomErrors = [.. budgets.Select(n => ErrorOf(random.Take(n), space, grid, truth, seed))];
        double[] sobolErrors = [.. budgets.Select(n => ErrorOf(sobol.Take(n), space, grid, truth, seed))];
        double[] varianceErrors = [.. budgets.Select(n => ErrorOf(variance.Take(n), space, grid, truth, seed))];
        double[] imseErrors = [.. budgets.Select(n => ErrorOf(imse.Take(n), space, grid, truth, seed))];
        double[] krigingErrors = imseByDefault ? imseErrors : varianceErrors;

        double gridFinal = gridErrors[^1];
        int reach = Array.FindIndex(krigingCurve, e => e <= gridFinal);
        double mean = truth.Average();
        double spread = Math.Sqrt(truth.Sum(t => (t - mean) * (t - mean)) / truth.Length);
        return new CampaignFigure
        {
            Name = Name,
            Seed = seed,
            Metric = $"kriging's reconstruction error at the final budget (default acquisition, {KrigingExplorerStrategy.DefaultAcquisition}) / the regular grid's (error = RMSE of the GP mean of Rg on a dense grid / std of the noise-free map)",
            Value = krigingErrors[^1] / gridFinal,
            Target = TargetRatio,
            Comparison = TargetComparison.AtMost,
            Baselines = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["budget"] = budget,
                ["kriging_final_error"] = krigingErrors[^1],
                ["kriging_variance_final_error"] = varianceErrors[^1],
                ["kriging_imse_final_error"] = imseErrors[^1],
                ["kriging_variance_over_grid_final"] = varianceErrors[^1] / gridFinal,
                ["kriging_imse_over_grid_final"] = imseErrors[^1] / gridFinal,
                ["grid_final_error"] = gridFinal,
                ["random_final_error"] = randomErrors[^1],
                ["sobol_final_error"] = sobolErrors[^1],
                ["kriging_over_random_final"] = krigingErrors[^1] / randomErrors[^1],
                ["kriging_measurements_to_grid_final_error"] = reach < 0 ? double.PositiveInfinity : krigingCounts[reach],
                ["truth_rg_mean_angstrom"] = mean,
                ["truth_rg_std_angstrom"] = spread,
                ["counting_time_all_designs_s"] = (film.CountingTime.TotalSeconds) + (4 * budget * SaxsMapFilm.Camera.CountTime),
            },
            Series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
            {
                ["measurements"] = [.. budgets.Select(n => (double)n)],
                ["kriging_error"] = krigingErrors,
                ["kriging_variance_error"] = varianceErrors,
                ["kriging_imse_error"] = imseErrors,
                ["grid_error"] = gridErrors,
                ["random_error"] = randomErrors,
                ["sobol_error"] = sobolErrors,
            },
            Method = string.Create(CultureInfo.InvariantCulture,
                $"kriging (variance and imse), random and sobol each a campaign through the engine (in-memory bus, saxs instrument in film mode, readings analysis, journal); the grids measured on the instrument device directly; film seed = instrument seed = strategy seed = the run's seed; " +
                $"{SaxsMapFilm.Size} mm × {SaxsMapFilm.Size} mm film of polydisperse ellipsoids (R0 = {SaxsMapFilm.Template.Radius} Å), camera q {SaxsMapFilm.Camera.QMin}–{SaxsMapFilm.Camera.QMax} 1/Å, {SaxsMapFilm.Camera.CountTime} s per spot; " +
                $"mapped quantity: the instrument's Guinier Rg; kriging (acquisition variance, and imse with {KrigingExplorerStrategy.DefaultAcquisition} the default; other options default), random (uniform) and sobol in batches of {BatchSize}, regular cell-centred grids of {string.Join(", ", budgets)} spots; " +
                $"every design reconstructed by the same GP (Matérn-5/2, the kriging strategy's fit) and scored on {perAxis} × {perAxis} cell centres against the noise-free Guinier Rg: RMSE / std(truth)"),
        };
    }

    /// <summary>Runs one design as a campaign through the engine and returns its completed observations in experiment order.</summary>
    private static IReadOnlyList<Observation> Campaign(string strategy, string? acquisition, int budget, int seed)
    {
        EngineCampaignResult run = EngineCampaign.RunAsync(Spec(strategy, acquisition, budget, seed), $"saxs-{strategy}-{seed}").GetAwaiter().GetResult();
        if (run.Ended.Outcome != CampaignOutcome.Completed || run.Observations.Count(o => o.Succeeded) != budget)
        {
            throw new InvalidOperationException($"the {strategy} SAXS map campaign of seed {seed} ended {run.Ended.Outcome} ({run.Ended.Reason}) with {run.Observations.Count(o => o.Succeeded)} of {budget} spots measured");
        }

        return [.. run.Observations.Where(o => o.Succeeded)];
    }

    /// <summary>
    /// The campaign spec of one design: the film and camera of <see cref="SaxsMapFilm"/> (and of
    /// examples/saxs-kriging-map.yaml) on the saxs instrument, without the example's latency, faults and SAS-model stage.
    /// </summary>
    /// <param name="strategy">Strategy name.</param>
    /// <param name="acquisition">The kriging acquisition, or null for a strategy without one.</param>
    /// <param name="budget">Spots.</param>
    /// <param name="seed">Film seed, counting-noise seed and campaign seed.</param>
    /// <returns>The YAML.</returns>
    public static string Spec(string strategy, string? acquisition, int budget, int seed)
    {
        SaxsSample sample = SaxsMapFilm.Template;
        SaxsCameraSettings camera = SaxsMapFilm.Camera;
        string options = acquisition is null ? "{}" : $"{{acquisition: {acquisition}}}";
        return string.Create(CultureInfo.InvariantCulture, $$$"""
            name: saxs-map-bench-{{{strategy}}}
            seed: {{{seed}}}
            space:
              - {name: {{{SaxsOptionKeys.X}}}, type: continuous, bounds: [0, {{{SaxsMapFilm.Size:R}}}], unit: mm}
              - {name: {{{SaxsOptionKeys.Y}}}, type: continuous, bounds: [0, {{{SaxsMapFilm.Size:R}}}], unit: mm}
            steps:
              measure:
                instrument: saxs
                timeout: 5m
                attempts: 1
                options: {sample: film, film_seed: "{{{seed}}}", model: ellipsoid, radius: "{{{sample.Radius:R}}}", polydispersity: "{{{sample.Polydispersity:R}}}", volume_fraction: "{{{sample.VolumeFraction:R}}}", q_min: "{{{camera.QMin:R}}}", q_max: "{{{camera.QMax:R}}}", points: "{{{camera.Points}}}", count_time_s: "{{{camera.CountTime:R}}}", seed: "{{{seed}}}"}
            analysis:
              - {model: readings, options: {map: "{{{SaxsInstrument.RadiusOfGyrationKey}}}={{{SaxsInstrument.RadiusOfGyrationKey}}}"}}
            objectives:
              - {name: {{{SaxsInstrument.RadiusOfGyrationKey}}}, direction: maximize}
            strategy: {name: {{{strategy}}}, options: {{{options}}}}
            budget: {{{budget}}}
            batch_size: {{{BatchSize}}}
            """);
    }

    /// <summary>Measures a cell-centred regular grid of <paramref name="count"/> spots (a square number).</summary>
    /// <param name="film">The film.</param>
    /// <param name="count">Spots; must be a square.</param>
    /// <returns>The observations, row-major.</returns>
    /// <exception cref="ArgumentException"><paramref name="count"/> is not a square.</exception>
    public static IReadOnlyList<Observation> MeasureGrid(SaxsMapFilm film, int count)
    {
        ArgumentNullException.ThrowIfNull(film);
        int side = (int)Math.Round(Math.Sqrt(count));
        if (side * side != count || side < 1)
        {
            throw new ArgumentException($"a regular grid needs a square number of spots, not {count}", nameof(count));
        }

        List<Observation> observations = [];
        foreach (double[] unit in SaxsMapFilm.GridPoints(side))
        {
            var point = new ParameterPoint
            {
                Values = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    [SaxsOptionKeys.X] = unit[0] * SaxsMapFilm.Size,
                    [SaxsOptionKeys.Y] = unit[1] * SaxsMapFilm.Size,
                },
            };
            IReadOnlyDictionary<string, double> readings = film.Measure(point);
            observations.Add(new Observation
            {
                ExperimentId = Guid.NewGuid(),
                Sequence = observations.Count + 1,
                Parameters = point,
                Objectives = new Dictionary<string, double>(StringComparer.Ordinal) { [SaxsInstrument.RadiusOfGyrationKey] = readings[SaxsInstrument.RadiusOfGyrationKey] },
            });
        }

        return observations;
    }

    private static double ErrorOf(IEnumerable<Observation> observations, SearchSpace space, double[][] grid, double[] truth, int seed)
    {
        List<Observation> used = [.. observations.Where(o => o.Succeeded)];
        return SaxsMapReconstruction.Error(
            [.. used.Select(o => space.ToUnit(o.Parameters))],
            [.. used.Select(o => o.Objectives[SaxsInstrument.RadiusOfGyrationKey])],
            grid,
            truth,
            seed);
    }
}
