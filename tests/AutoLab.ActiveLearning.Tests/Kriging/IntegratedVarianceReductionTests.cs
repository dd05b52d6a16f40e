using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Kriging;

/// <summary>
/// The integrated-variance acquisition (kriging's <c>imse</c>) scores a candidate by the exact drop of the
/// map's mean posterior variance, spends its first picks inside the domain rather than on its corners, and
/// gives distinct, reproducible batches.
/// </summary>
public class IntegratedVarianceReductionTests
{
    /// <summary>Relative agreement of ΔV with the brute-force refit: both are a few BLAS calls on well-conditioned 8 × 8 systems.</summary>
    private const double ExactTolerance = 1e-8;

    /// <summary>Distance (unit cube) under which two batch points would count as the same spot.</summary>
    private const double DistinctTolerance = 1e-3;

    /// <summary>Distance from the square's boundary that an "interior" pick keeps: a twentieth of the side.</summary>
    private const double InteriorMargin = 0.05;

    private static readonly ObjectiveDefinition[] Signal = [new() { Name = "y", Direction = ObjectiveDirection.Maximize }];

    private static readonly double[][] Data = [[0.1, 0.2], [0.8, 0.3], [0.45, 0.55], [0.2, 0.9], [0.7, 0.85], [0.5, 0.1], [0.95, 0.6], [0.3, 0.4]];

    private static double Map(ParameterPoint p) => Math.Sin(6.0 * p.Values["x0"]) * Math.Cos(4.0 * p.Values["x1"]);

    [Theory]
    [InlineData(KernelKind.Matern52)]
    [InlineData(KernelKind.Rbf)]
    public void The_reduction_equals_the_drop_of_the_mean_variance_after_conditioning(KernelKind kernel)
    {
        GaussianProcessHyperparameters hyperparameters = new() { LengthScales = [0.3, 0.2], SignalVariance = 1.3, NoiseVariance = 1e-3 };
        const double Jitter = 1e-10;
        double[][] reference = [.. GridPoints(12)];
        double[][] candidates = [[0.5, 0.5], [0.05, 0.95], [0.62, 0.7], [0.1, 0.2], [0.99, 0.01]];
        double[] values = [.. Data.Select(p => p[0] - p[1])];
        IntegratedVarianceReduction measure = new(hyperparameters, kernel, Jitter, Data, reference);

        double[] scores = measure.Reductions(candidates);
        double[] cached = measure.Reductions(candidates, measure.PriorCovariance(candidates));

        double before = MeanVariance(GaussianProcess.Create(Data, values, hyperparameters, kernel, standardise: false, jitter: Jitter), reference);
        Assert.Equal(before, measure.IntegratedVariance(), before * ExactTolerance);
        for (int c = 0; c < candidates.Length; c++)
        {
            GaussianProcess refit = GaussianProcess.Create(Data, values, hyperparameters, kernel, standardise: false, jitter: Jitter);
            Assert.True(refit.AddObservation(candidates[c], 0.0));
            double drop = before - MeanVariance(refit, reference);
            Assert.True(Math.Abs(scores[c] - drop) <= before * ExactTolerance, $"candidate {c}: ΔV {scores[c]} but the refit lowered the mean variance by {drop}");
        }

        // The batch loop's cached K(R, C) is the same arithmetic, so the scores agree to the bit.
        Assert.Equal(scores, cached);

        // A candidate on an observed point removes (almost) nothing; one in the gap at the top-left removes more than it.
        Assert.True(scores[3] < 0.01 * scores[1], $"ΔV at an observed point {scores[3]} against {scores[1]} in a gap");
    }

    [Fact]
    public void Conditioning_on_a_point_lowers_the_integrated_variance_by_its_reduction()
    {
        GaussianProcessHyperparameters hyperparameters = new() { LengthScales = [0.25, 0.25], SignalVariance = 1.0, NoiseVariance = 1e-4 };
        double[][] reference = [.. GridPoints(10)];
        double[] candidate = [0.6, 0.65];
        IntegratedVarianceReduction measure = new(hyperparameters, KernelKind.Matern52, 1e-10, Data, reference);
        double before = measure.IntegratedVariance();
        double reduction = measure.Reductions([candidate])[0];

        Assert.True(measure.Condition(candidate));

        Assert.Equal(Data.Length + 1, measure.Count);
        Assert.Equal(before - reduction, measure.IntegratedVariance(), before * ExactTolerance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Imse_picks_after_a_Sobol_start_are_interior_where_variance_picks_corners(long seed)
    {
        IReadOnlyList<double[]> imse = PicksAfterSobolStart("imse", seed);
        IReadOnlyList<double[]> variance = PicksAfterSobolStart("variance", seed);

        Assert.Equal(4, imse.Count);
        foreach (double[] unit in imse)
        {
            double boundary = unit.Min(v => Math.Min(v, 1.0 - v));
            Assert.True(boundary > InteriorMargin, $"imse picked ({unit[0]:F3}, {unit[1]:F3}), {boundary:F3} from the boundary");
        }

        // The contrast that motivates imse: six Sobol points leave the corners least known, so variance goes there first.
        double[] first = variance[0];
        Assert.True(first.All(v => Math.Min(v, 1.0 - v) < InteriorMargin), $"variance's first pick ({first[0]:F3}, {first[1]:F3}) is not at a corner");
    }

    [Fact]
    public void A_batch_has_distinct_points_and_the_same_request_gives_the_same_batch()
    {
        SearchSpace space = UnitCube(2);
        List<Observation> history = [.. Data.Select((u, i) => Observe(i, space.FromUnit(u)))];
        SuggestionRequest request = Request(space, 8, suggestedSoFar: history.Count, seed: 9, options: new Dictionary<string, string> { ["acquisition"] = "imse", ["reference_points"] = "256" })
            with { Objectives = Signal, History = history };

        IReadOnlyList<ParameterPoint> first = new KrigingExplorerStrategy().Suggest(request);
        IReadOnlyList<ParameterPoint> second = new KrigingExplorerStrategy().Suggest(request);

        Assert.Equal(8, first.Count);
        double[][] units = [.. first.Select(space.ToUnit)];
        for (int i = 0; i < units.Length; i++)
        {
            for (int j = i + 1; j < units.Length; j++)
            {
                double distance = Math.Sqrt(units[i].Zip(units[j], (a, b) => (a - b) * (a - b)).Sum());
                Assert.True(distance > DistinctTolerance, $"batch points {i} and {j} coincide: ({units[i][0]}, {units[i][1]})");
            }
        }

        Assert.Equal(first.Select(p => p.Values["x0"]), second.Select(p => p.Values["x0"]));
        Assert.Equal(first.Select(p => p.Values["x1"]), second.Select(p => p.Values["x1"]));
    }

    [Theory]
    [InlineData("variance", "reference_points", "512", "imse only")]
    [InlineData("imse", "exploit_final", "4", "never exploits")]
    [InlineData("imse", "reference_points", "0", "reference_points")]
    public void Inconsistent_imse_options_are_refused(string acquisition, string option, string value, string message)
    {
        SearchSpace space = UnitCube(2);
        List<Observation> history = [.. Data.Select((u, i) => Observe(i, space.FromUnit(u)))];
        SuggestionRequest request = Request(space, 1, suggestedSoFar: history.Count, options: new Dictionary<string, string> { ["acquisition"] = acquisition, [option] = value })
            with { Objectives = Signal, History = history };

        SuggestionException error = Assert.Throws<SuggestionException>(() => new KrigingExplorerStrategy().Suggest(request));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<double[]> PicksAfterSobolStart(string acquisition, long seed)
    {
        SearchSpace space = UnitCube(2);
        KrigingExplorerStrategy strategy = new();
        Dictionary<string, string> options = new() { ["acquisition"] = acquisition, ["initial_points"] = "6" };
        List<Observation> history = [];
        foreach (ParameterPoint point in strategy.Suggest(Request(space, 6, seed: seed, options: options) with { Objectives = Signal }))
        {
            history.Add(Observe(history.Count, point));
        }

        IReadOnlyList<ParameterPoint> picks = strategy.Suggest(Request(space, 4, suggestedSoFar: 6, seed: seed, options: options) with { Objectives = Signal, History = history });
        return [.. picks.Select(space.ToUnit)];
    }

    private static Observation Observe(int index, ParameterPoint point) => new()
    {
        ExperimentId = Guid.Empty,
        Sequence = index + 1,
        Parameters = point,
        Objectives = new Dictionary<string, double> { ["y"] = Map(point) },
    };

    private static IEnumerable<double[]> GridPoints(int perAxis)
    {
        for (int i = 0; i < perAxis; i++)
        {
            for (int j = 0; j < perAxis; j++)
            {
                yield return [(i + 0.5) / perAxis, (j + 0.5) / perAxis];
            }
        }
    }

    private static double MeanVariance(GaussianProcess process, double[][] points)
    {
        double[] means = new double[points.Length];
        double[] variances = new double[points.Length];
        process.PredictMany(points, means, variances);
        return variances.Average();
    }
}
