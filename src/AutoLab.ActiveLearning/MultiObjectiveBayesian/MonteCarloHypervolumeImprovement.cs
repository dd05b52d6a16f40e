using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>
/// Expected hypervolume improvement for any number of minimised objectives with independent Gaussian
/// predictions, as a sample average over fixed base samples; "ehvi" uses it for 3 objectives.
/// </summary>
/// <remarks>
/// EHVI(μ, σ) = E[HVI(μ + σ ⊙ z)], z ~ N(0, I), estimated with S fixed base samples: Owen-scrambled Sobol
/// points mapped through Φ⁻¹, the same for every candidate (common random numbers), so the estimate is
/// deterministic and candidates are compared with little Monte-Carlo noise (the qEHVI estimator of Daulton,
/// Balandat and Bakshy 2020, for q = 1). Each sample's improvement is exact: HVI(y) = Π(rⱼ − yⱼ)₊ minus the
/// hypervolume of the front clipped to the box [y, r] (every point p replaced by max(p, y)), computed by
/// <see cref="Hypervolume"/>; a sample weakly dominated by a front point improves nothing and is skipped
/// in O(n). An instance reuses one buffer and is not thread-safe. This is not the exact 3-D box decomposition of Yang et al. (2019); its error is the sampling
/// error, about σ(HVI)/√S.
/// </remarks>
internal sealed class MonteCarloHypervolumeImprovement
{
    /// <summary>Base samples S.</summary>
    internal const int DefaultSamples = 128;

    private readonly List<double[]> front;
    private readonly double[] reference;
    private readonly double[][] z;
    private readonly double[] clipped;

    /// <summary>Prepares the estimator for a front.</summary>
    /// <param name="points">Objective vectors, each as long as the reference; points outside the reference box or dominated add nothing.</param>
    /// <param name="reference">The reference point, finite.</param>
    /// <param name="samples">S.</param>
    /// <param name="seed">Seed of the base samples.</param>
    internal MonteCarloHypervolumeImprovement(IReadOnlyList<double[]> points, ReadOnlySpan<double> reference, int samples = DefaultSamples, long seed = 0)
    {
        int m = reference.Length;
        this.reference = reference.ToArray();
        double[] r = this.reference;
        front = [.. points.Where(p => p.Length == m && Enumerable.Range(0, m).All(j => p[j] < r[j]))];
        clipped = new double[front.Count * m];
        SobolSequence sobol = new(m, SobolScramble.Owen, seed);
        z = new double[samples][];
        for (int s = 0; s < samples; s++)
        {
            z[s] = [.. sobol.Element(s).Select(u => NormalDistribution.InverseCdf(Math.Clamp(u, 1e-12, 1.0 - 1e-12)))];
        }
    }

    /// <summary>The estimated EHVI of a prediction.</summary>
    /// <param name="means">μ, one per objective.</param>
    /// <param name="variances">σ² (≥ 0), one per objective.</param>
    /// <returns>The sample average of the hypervolume improvement, in the product of the objectives' units.</returns>
    internal double Evaluate(ReadOnlySpan<double> means, ReadOnlySpan<double> variances)
    {
        int m = reference.Length;
        double[] y = new double[m];
        double sum = 0.0;
        foreach (double[] sample in z)
        {
            for (int j = 0; j < m; j++)
            {
                y[j] = means[j] + (Math.Sqrt(Math.Max(variances[j], 0.0)) * sample[j]);
            }

            sum += Improvement(y);
        }

        return sum / z.Length;
    }

    /// <summary>The exact hypervolume improvement of adding one point to the front.</summary>
    /// <param name="y">The point, one value per objective.</param>
    /// <returns>HV(front ∪ {y}) − HV(front), ≥ 0.</returns>
    internal double Improvement(ReadOnlySpan<double> y)
    {
        int m = reference.Length;
        double box = 1.0;
        for (int j = 0; j < m; j++)
        {
            if (!(y[j] < reference[j]))
            {
                return 0.0;
            }

            box *= reference[j] - y[j];
        }

        // One reused row-major buffer: this runs once per sample and candidate, so it must not allocate per point.
        int count = 0;
        foreach (double[] p in front)
        {
            bool dominates = true;
            for (int j = 0; j < m; j++)
            {
                dominates &= p[j] <= y[j];
                clipped[(count * m) + j] = Math.Max(p[j], y[j]);
            }

            if (dominates)
            {
                return 0.0;
            }

            count++;
        }

        return Math.Max(box - Hypervolume.Compute(clipped.AsSpan(0, count * m), m, reference), 0.0);
    }
}
