using System.Globalization;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.IntegrationTests.Support;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Simulators.Saxs;
using Xunit.Abstractions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The SAXS kriging map of examples/saxs-kriging-map.yaml, shortened to 40 spots and with a higher fault rate
/// (0.2), runs through the whole stack in memory: sagas, bus, the SAXS camera on its film, the readings
/// analysis, the kriging explorer and the journal. It must spend its budget exactly once per experiment,
/// survive the injected faults, stay on the film, and reconstruct the film's Rg map better than random
/// spots of the same number do (median over five random designs on the same film). Beside it: the quick
/// <see cref="SaxsMapBenchmark"/> reports a figure consistent with its curves, the error measure has its
/// two anchors (1 for the map's mean, near 0 for a dense sample), and the camera's Rg scatters around the
/// noise-free ground truth the maps are scored against.
/// </summary>
public sealed class SaxsKrigingMapCampaignTests(ITestOutputHelper output)
{
    const int Budget = 40;
    const long FilmSeed = 21;

    /// <summary>Grid points per axis on which the maps are scored: the quick benchmark's, coarser than its full 41 to keep the Debug build fast.</summary>
    static readonly int TruthGrid = SaxsMapBenchmark.TruthGrid(quick: true);

    /// <summary>A normalised error above this means the reconstruction is worse than guessing the mean by far: broken, not unlucky.</summary>
    const double MaxPlausibleError = 1.5;

    /// <summary>Ratios recomputed from the reported values agree to rounding.</summary>
    const double RatioTolerance = 1e-9;

    /// <summary>A GP fitted to a constant reproduces it to rounding; the normalised error is then exactly 1.</summary>
    const double FlatTolerance = 1e-6;

    /// <summary>Largest error allowed for 10 × 10 exact samples of a map smoother than the film (a few % of its std).</summary>
    const double DenseTolerance = 0.02;

    /// <summary>Counting noise is Gaussian enough that a reading beyond 5 σ of the noise-free value means a bias, not bad luck.</summary>
    const double SigmaTolerance = 5.0;

    /// <summary>The SAS model families the sas-model stage chooses among; the top one has at least 1/5 of the probability.</summary>
    const int SasFamilyCount = 5;

    /// <summary>Sizes (Å) outside these are not a fit of the film's 30–75 Å particles whatever family was chosen: a broken stage.</summary>
    const double MinPlausibleSize = 5.0;

    /// <summary>See <see cref="MinPlausibleSize"/>.</summary>
    const double MaxPlausibleSize = 1000.0;

    /// <summary>Random designs the kriging map is compared with; their median error is the baseline.</summary>
    static readonly int[] RandomSeeds = [1, 2, 3, 4, 5];

    [Fact]
    public async Task A_shortened_kriging_map_with_faults_completes_its_budget_on_the_film_and_beats_random_spots()
    {
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", "saxs-kriging-map.yaml"));
        spec = CampaignChecks.Replace(spec, @"(?m)^budget:\s*\d+", $"budget: {Budget}");
        // Faults are drawn per command from the seed and the experiment's id (a new GUID each run), so the rate
        // is high enough that a run without any fault is improbable (0.8^40 ≈ 1e-4), and the fault policy is
        // loosened so that an unlucky run of refusals cannot fault the campaign.
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)fault_rate:\s*""[\d.]+""", "${1}fault_rate: \"0.2\"");
        spec = CampaignChecks.Replace(spec, @"max_fault_fraction:\s*[\d.]+", "max_fault_fraction: 0.6");
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)film_seed:\s*""\d+""", $"${{1}}film_seed: \"{FilmSeed}\"");
        // The SAS model is trained by the run's first analysis into a registry of its own, with the quick recipe (seconds).
        spec = CampaignChecks.Replace(spec, @"model: sas-families-low-q, train: full", "model: sas-families-low-q, train: quick");
        string path = SpecFiles.Write("saxs-kriging-map", spec);
        RunFolderFiles run = RunFolderFiles.NewTemp("saxs-kriging-map");
        string models = Path.Combine(Path.GetTempPath(), "autolab-saxs-models-" + Guid.NewGuid().ToString("N"));

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(
            ["run", path, "--out", run.Root], TimeSpan.FromMinutes(6), new Dictionary<string, string?> { ["AUTOLAB_MODELS"] = models });

        Assert.True(result.ExitCode == 0, result.ToString());
        CampaignChecks.AssertBudgetSpentOnceWithFaults(run, Budget);

        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(Budget, rows.Count);
        int x = CampaignChecks.Column(header, SaxsOptionKeys.X + "[");
        int y = CampaignChecks.Column(header, SaxsOptionKeys.Y + "[");
        int rg = CampaignChecks.Column(header, SaxsInstrument.RadiusOfGyrationKey + "[");
        int status = Array.IndexOf(header, "status");
        Assert.All(rows, r =>
        {
            double px = CampaignChecks.Number(r[x]);
            double py = CampaignChecks.Number(r[y]);
            Assert.True(px >= 0 && px <= SaxsMapFilm.Size && py >= 0 && py <= SaxsMapFilm.Size, $"spot ({px}, {py}) mm is off the 20 mm × 20 mm film");
        });

        List<string[]> completed = [.. rows.Where(r => r[status] == "Completed")];
        AssertEverySpotHasASasModelFit(header, completed);
        double[][] grid = SaxsMapFilm.GridPoints(TruthGrid);
        double[] truth = new SaxsMapFilm(FilmSeed, noiseSeed: 1).GroundTruth(TruthGrid);
        double kriging = SaxsMapReconstruction.Error(
            [.. completed.Select(r => new[] { CampaignChecks.Number(r[x]) / SaxsMapFilm.Size, CampaignChecks.Number(r[y]) / SaxsMapFilm.Size })],
            [.. completed.Select(r => CampaignChecks.Number(r[rg]))],
            grid,
            truth,
            seed: 1);
        double[] random = [.. RandomSeeds.Select(s => RandomDesignError(completed.Count, s, grid, truth))];
        double median = CampaignFigureSummary.MedianOf(random);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{completed.Count} completed spots: kriging error {kriging:F3}, random {string.Join(", ", random.Select(e => e.ToString("F3", CultureInfo.InvariantCulture)))} (median {median:F3})"));
        Assert.True(
            kriging < median,
            $"kriging's map from {completed.Count} spots should beat random spots of the same number: error {kriging:F3} vs random {string.Join(", ", random.Select(e => e.ToString("F3", CultureInfo.InvariantCulture)))} (median {median:F3})");
    }

    // The sas-model stage ran on every completed spot: a family among the five with its confidence, and a size.
    static void AssertEverySpotHasASasModelFit(string[] header, List<string[]> completed)
    {
        int confidence = CampaignChecks.Column(header, "family_confidence");
        int family = CampaignChecks.Column(header, "family_index");
        int size = Array.FindIndex(header, h => h == "size" || h.StartsWith("size[", StringComparison.Ordinal));
        Assert.True(size >= 0, $"observations.csv has no 'size' column: {string.Join(", ", header)}");
        Assert.All(completed, r =>
        {
            Assert.InRange(CampaignChecks.Number(r[confidence]), 1.0 / SasFamilyCount, 1.0);
            Assert.InRange(CampaignChecks.Number(r[family]), 0, SasFamilyCount - 1);
            Assert.InRange(CampaignChecks.Number(r[size]), MinPlausibleSize, MaxPlausibleSize);
        });
    }

    [Fact]
    public void The_quick_saxs_map_benchmark_reports_errors_for_every_design_and_a_figure_consistent_with_them()
    {
        CampaignFigure figure = new SaxsMapBenchmark().Run(seed: 1, quick: true);

        IReadOnlyList<int> budgets = SaxsMapBenchmark.Budgets(quick: true);
        Assert.Equal(budgets[^1], figure.Baselines["budget"]);
        Assert.Equal([.. budgets.Select(b => (double)b)], figure.Series["measurements"]);
        foreach (string design in new[] { "kriging_error", "grid_error", "random_error", "sobol_error" })
        {
            IReadOnlyList<double> errors = figure.Series[design];
            Assert.Equal(budgets.Count, errors.Count);
            Assert.All(errors, e => Assert.InRange(e, 0.0, MaxPlausibleError));
            Assert.True(errors[^1] < errors[0], $"{design} should fall as spots are added: {string.Join(", ", errors)}");
        }

        Assert.Equal(figure.Series["kriging_error"][^1] / figure.Series["grid_error"][^1], figure.Value, RatioTolerance);
        Assert.Equal(figure.Series["kriging_error"][^1] / figure.Series["random_error"][^1], figure.Baselines["kriging_over_random_final"], RatioTolerance);
        double reach = figure.Baselines["kriging_measurements_to_grid_final_error"];
        if (figure.Value <= 1.0)
        {
            Assert.True(double.IsFinite(reach) && reach <= budgets[^1], $"kriging matched the grid at the budget, so it reached the grid's final error within it; reported {reach}");
        }
        else
        {
            Assert.True(!double.IsFinite(reach) || reach < budgets[^1], $"kriging did not match the grid at the budget, so it can only have reached its error earlier; reported {reach}");
        }

        // Kriging (variance and imse), random and Sobol each measure the budget; the grids measure every count once.
        double spots = (4 * budgets[^1]) + budgets.Sum();
        Assert.Equal(spots * SaxsMapFilm.Camera.CountTime, figure.Baselines["counting_time_all_designs_s"], RatioTolerance);
    }

    [Fact]
    public void The_reconstruction_error_is_one_for_the_maps_mean_and_near_zero_for_a_densely_sampled_smooth_map()
    {
        double[][] grid = SaxsMapFilm.GridPoints(TruthGrid);
        double[] truth = [.. grid.Select(p => Smooth(p[0], p[1]))];
        double mean = truth.Average();
        double[][] coarse = SaxsMapFilm.GridPoints(10);

        double flat = SaxsMapReconstruction.Error(coarse, [.. coarse.Select(_ => mean)], grid, truth, seed: 1);
        double dense = SaxsMapReconstruction.Error(coarse, [.. coarse.Select(p => Smooth(p[0], p[1]))], grid, truth, seed: 1);

        Assert.True(Math.Abs(flat - 1.0) < FlatTolerance, $"predicting the map's mean everywhere should score 1 (RMSE equals the std); got {flat}");
        Assert.True(dense < DenseTolerance, $"100 exact samples of a smooth map should reconstruct it almost exactly; error {dense}");
    }

    [Fact]
    public void The_cameras_radius_of_gyration_scatters_around_the_noise_free_ground_truth_within_its_uncertainty()
    {
        var film = new SaxsMapFilm(FilmSeed, noiseSeed: 7);
        var morphology = new FilmMorphology(FilmSeed, SaxsMapFilm.Template, SaxsMapFilm.Size, SaxsMapFilm.Size);
        foreach (double[] unit in SaxsMapFilm.GridPoints(3))
        {
            double x = unit[0] * SaxsMapFilm.Size;
            double y = unit[1] * SaxsMapFilm.Size;
            IReadOnlyDictionary<string, double> readings = film.Measure(new ParameterPoint { Values = new Dictionary<string, double> { [SaxsOptionKeys.X] = x, [SaxsOptionKeys.Y] = y } });
            double truth = SaxsMapFilm.NoiseFreeRadiusOfGyration(morphology, x, y);
            double rg = readings[SaxsInstrument.RadiusOfGyrationKey];
            double sd = readings[SaxsInstrument.RadiusOfGyrationUncertaintyKey];
            Assert.True(Math.Abs(rg - truth) <= SigmaTolerance * sd, $"at ({x}, {y}) mm the measured Rg {rg:F3} ± {sd:F3} Å is more than {SigmaTolerance} σ from the noise-free {truth:F3} Å");
        }

        Assert.Equal(9, film.Measurements);
        Assert.Throws<ArgumentException>(() => SaxsMapBenchmark.MeasureGrid(film, 10));
    }

    /// <summary>Error of the same GP reconstruction from <paramref name="count"/> uniform random spots measured on the same film.</summary>
    static double RandomDesignError(int count, int seed, double[][] grid, double[] truth)
    {
        var film = new SaxsMapFilm(FilmSeed, noiseSeed: seed);
        IReadOnlyList<Observation> design = AskTellCampaign.Run(
            new RandomStrategy(), new Dictionary<string, string>(), SaxsMapFilm.Space, SaxsMapBenchmark.Objectives, count, SaxsMapBenchmark.BatchSize, seed, film.Measure);
        var space = new SearchSpace(SaxsMapFilm.Space);
        return SaxsMapReconstruction.Error(
            [.. design.Select(o => space.ToUnit(o.Parameters))],
            [.. design.Select(o => o.Objectives[SaxsInstrument.RadiusOfGyrationKey])],
            grid,
            truth,
            seed);
    }

    /// <summary>A smooth test map on the unit square.</summary>
    static double Smooth(double x, double y) => Math.Sin(2.0 * x) + (y * y);
}
