using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>The predicted uncertainty of a kriging reconstruction, so a mapping campaign can stop when the map is known well enough.</summary>
public static class KrigingReconstruction
{
    /// <summary>Largest grid evaluated; the points per dimension shrink with the dimension to stay under it.</summary>
    public const int MaxGridPoints = 20_000;

    /// <summary>Fits the GP as "kriging" would and evaluates its posterior standard deviation on a regular grid of cell centres.</summary>
    /// <param name="request">A request with the history (its count is ignored).</param>
    /// <param name="pointsPerDimension">Grid points per unit-cube axis; 0 picks the largest with at most <see cref="MaxGridPoints"/> in total.</param>
    /// <returns>Mean and maximum posterior standard deviation, objective units.</returns>
    /// <exception cref="SuggestionException">Fewer than two observations, or the request is malformed.</exception>
    public static ReconstructionUncertainty Uncertainty(SuggestionRequest request, int pointsPerDimension = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pointsPerDimension);
        SuggesterSettings settings = GaussianProcessStrategyOptions.Read(request, KrigingExplorerStrategy.StrategyName, "variance", "variance", "ucb");
        ObjectiveData data = ObjectiveData.FromRequest(request, KrigingExplorerStrategy.StrategyName, settings.Objective);
        if (data.Values.Count < 2)
        {
            throw new SuggestionException($"reconstruction uncertainty needs at least two observations; the history has {data.Values.Count}");
        }

        int d = request.Space.Dimension;
        int perAxis = pointsPerDimension > 0 ? pointsPerDimension : Math.Max(2, (int)Math.Floor(Math.Pow(MaxGridPoints, 1.0 / d) + 1e-9));
        long total = (long)Math.Pow(perAxis, d);
        if (total > MaxGridPoints * 10L)
        {
            throw new SuggestionException($"a grid of {perAxis} points per axis in {d} dimensions has {total} points; at most {MaxGridPoints * 10L} are evaluated");
        }

        GaussianProcess process = GaussianProcess.Fit(data.Inputs, data.Values, settings.Process, request.Seed);
        double[][] grid = new double[total][];
        for (long index = 0; index < total; index++)
        {
            double[] point = new double[d];
            long rest = index;
            for (int k = 0; k < d; k++)
            {
                point[k] = ((rest % perAxis) + 0.5) / perAxis;
                rest /= perAxis;
            }

            grid[index] = point;
        }

        double[] means = new double[total];
        double[] variances = new double[total];
        process.PredictMany(grid, means, variances);
        int argMax = 0;
        double sum = 0.0;
        for (int i = 0; i < variances.Length; i++)
        {
            sum += Math.Sqrt(variances[i]);
            argMax = variances[i] > variances[argMax] ? i : argMax;
        }

        return new ReconstructionUncertainty
        {
            MeanStandardDeviation = sum / total,
            MaxStandardDeviation = Math.Sqrt(variances[argMax]),
            MaxAt = grid[argMax],
            GridPoints = (int)total,
            Observations = data.Values.Count,
        };
    }
}
