using AutoLab.ActiveLearning.GaussianProcesses;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>An acquisition function of a GP posterior, with its gradient with respect to the unit-cube point.</summary>
/// <remarks>
/// Larger is better. The objective must be oriented so that larger values are better (a minimised objective
/// is negated before the GP sees it). <seealso cref="AcquisitionKind"/>
/// </remarks>
public sealed class Acquisition
{
    /// <summary>Variance below which σ is held at √floor, objective units squared; keeps log EI finite at observed points.</summary>
    private const double VarianceFloor = 1e-18;

    /// <summary>Creates an acquisition.</summary>
    /// <param name="kind">Which function.</param>
    /// <param name="incumbent">f*, the best value so far in oriented objective units (EI and PI).</param>
    /// <param name="beta">β of UCB, dimensionless, ≥ 0.</param>
    public Acquisition(AcquisitionKind kind, double incumbent = 0.0, double beta = 4.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(beta);
        Kind = kind;
        Incumbent = incumbent;
        Beta = beta;
    }

    /// <summary>Which function.</summary>
    public AcquisitionKind Kind { get; }

    /// <summary>f* for EI and PI, oriented objective units.</summary>
    public double Incumbent { get; }

    /// <summary>β of UCB.</summary>
    public double Beta { get; }

    /// <summary>The acquisition at one point, with its gradient.</summary>
    /// <param name="process">The posterior.</param>
    /// <param name="point">Unit-cube point, length d.</param>
    /// <param name="gradient">Receives ∂a/∂x (length d), or empty to skip it.</param>
    /// <returns>a(x): log EI or log PI in nats, UCB in objective units, variance in objective units squared.</returns>
    public double Evaluate(GaussianProcess process, ReadOnlySpan<double> point, Span<double> gradient)
    {
        bool withGradient = !gradient.IsEmpty;
        Posterior posterior = process.Predict(point, withGradient);
        double value = FromMoments(posterior.Mean, posterior.Variance, out double byMean, out double byVariance);
        for (int k = 0; k < gradient.Length; k++)
        {
            gradient[k] = (byMean * posterior.MeanGradient[k]) + (byVariance * posterior.VarianceGradient[k]);
        }

        return value;
    }

    /// <summary>The acquisition from posterior moments, with its partial derivatives in μ and σ².</summary>
    /// <param name="mean">μ, oriented objective units.</param>
    /// <param name="variance">σ², objective units squared.</param>
    /// <param name="byMean">∂a/∂μ.</param>
    /// <param name="byVariance">∂a/∂σ².</param>
    /// <returns>a.</returns>
    public double FromMoments(double mean, double variance, out double byMean, out double byVariance)
    {
        bool floored = !(variance > VarianceFloor);
        double sigma = Math.Sqrt(floored ? VarianceFloor : variance);
        // ∂σ/∂σ² = 1/(2σ); zero where σ is held at its floor.
        double sigmaByVariance = floored ? 0.0 : 0.5 / sigma;
        switch (Kind)
        {
            case AcquisitionKind.ExpectedImprovement:
                {
                    double z = (mean - Incumbent) / sigma;
                    double logH = NormalDistribution.LogH(z, out double dLogH);
                    byMean = dLogH / sigma;
                    byVariance = ((1.0 / sigma) - (dLogH * z / sigma)) * sigmaByVariance;
                    return Math.Log(sigma) + logH;
                }

            case AcquisitionKind.ProbabilityOfImprovement:
                {
                    double z = (mean - Incumbent) / sigma;
                    double logCdf = NormalDistribution.LogCdf(z, out double dLogCdf);
                    byMean = dLogCdf / sigma;
                    byVariance = -dLogCdf * z / sigma * sigmaByVariance;
                    return logCdf;
                }

            case AcquisitionKind.UpperConfidenceBound:
                {
                    double root = Math.Sqrt(Beta);
                    byMean = 1.0;
                    byVariance = root * sigmaByVariance;
                    return mean + (root * sigma);
                }

            default:
                byMean = 0.0;
                byVariance = 1.0;
                return variance;
        }
    }
}
