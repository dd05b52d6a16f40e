using AutoLab.ActiveLearning.GaussianProcesses;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>
/// An acquisition times the probability that every outcome constraint holds, in log form:
/// a(x) + Σⱼ log Φ(−μⱼ(x)/σⱼ(x)), with gⱼ ≤ 0 feasible and one GP per constraint (Gardner et al. 2014).
/// </summary>
/// <remarks>
/// With no acquisition (no feasible observation yet) only the log probability of feasibility is
/// maximised. The acquisition must be on a log scale (log EI, log PI) for the sum to be a product.
/// </remarks>
internal sealed class ConstrainedAcquisition
{
    private const double VarianceFloor = 1e-18;
    private readonly Acquisition? acquisition;
    private readonly GaussianProcess objective;
    private readonly IReadOnlyList<GaussianProcess> constraints;

    /// <summary>Creates the combination.</summary>
    /// <param name="acquisition">The acquisition of the objective, or null to maximise feasibility only.</param>
    /// <param name="objective">The objective's GP.</param>
    /// <param name="constraints">One GP per constraint function g (feasible when ≤ 0).</param>
    internal ConstrainedAcquisition(Acquisition? acquisition, GaussianProcess objective, IReadOnlyList<GaussianProcess> constraints)
    {
        this.acquisition = acquisition;
        this.objective = objective;
        this.constraints = constraints;
    }

    /// <summary>Number of inputs.</summary>
    internal int Dimension => objective.Dimension;

    /// <summary>The value and gradient at one point.</summary>
    internal double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double value = acquisition?.Evaluate(objective, point, gradient) ?? 0.0;
        if (acquisition is null)
        {
            gradient.Clear();
        }

        foreach (GaussianProcess constraint in constraints)
        {
            Posterior posterior = constraint.Predict(point, !gradient.IsEmpty);
            value += LogFeasibility(posterior.Mean, posterior.Variance, out double byMean, out double byVariance);
            for (int k = 0; k < gradient.Length; k++)
            {
                gradient[k] += (byMean * posterior.MeanGradient[k]) + (byVariance * posterior.VarianceGradient[k]);
            }
        }

        return value;
    }

    /// <summary>Values at many points (batched posteriors).</summary>
    internal void ScoreMany(IReadOnlyList<double[]> points, Span<double> scores)
    {
        int m = points.Count;
        double[] means = new double[m];
        double[] variances = new double[m];
        scores.Clear();
        if (acquisition is not null)
        {
            objective.PredictMany(points, means, variances);
            for (int i = 0; i < m; i++)
            {
                scores[i] = acquisition.FromMoments(means[i], variances[i], out _, out _);
            }
        }

        foreach (GaussianProcess constraint in constraints)
        {
            constraint.PredictMany(points, means, variances);
            for (int i = 0; i < m; i++)
            {
                scores[i] += LogFeasibility(means[i], variances[i], out _, out _);
            }
        }
    }

    /// <summary>log P(g ≤ 0) = log Φ(−μ/σ) and its partial derivatives in μ and σ².</summary>
    private static double LogFeasibility(double mean, double variance, out double byMean, out double byVariance)
    {
        bool floored = !(variance > VarianceFloor);
        double sigma = Math.Sqrt(floored ? VarianceFloor : variance);
        double z = -mean / sigma;
        double value = NormalDistribution.LogCdf(z, out double slope);
        byMean = -slope / sigma;
        // dz/dσ² = (μ/σ²)·(1/(2σ)).
        byVariance = floored ? 0.0 : slope * mean / (sigma * sigma) * (0.5 / sigma);
        return value;
    }
}
