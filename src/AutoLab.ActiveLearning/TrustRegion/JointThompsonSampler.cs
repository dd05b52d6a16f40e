using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.LinearAlgebra;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.TrustRegion;

/// <summary>
/// Thompson sampling over a finite candidate set with draws from the GP's joint posterior: one Cholesky
/// of the m × m candidate covariance, then f = μ + L z for each point of a batch.
/// </summary>
/// <remarks>
/// Independent draws per candidate would ignore the correlation between neighbouring candidates and turn
/// Thompson sampling into a noisy upper-confidence rule that favours the most uncertain points, so the
/// draw is joint. The cost is O(n m² + m³/3) with m at most <see cref="TurboSettings.MaxCandidates"/>.
/// Outputs are standardised (zero mean, unit population deviation) as <see cref="GaussianProcess"/> does,
/// so its fitted <see cref="GaussianProcessHyperparameters"/> apply directly.
/// </remarks>
internal static class JointThompsonSampler
{
    /// <summary>Jitter added to the candidate covariance, relative to s², first try.</summary>
    private const double InitialRelativeJitter = 1e-8;

    /// <summary>Largest jitter tried before giving up; 10⁻² s² is far below the prior variance.</summary>
    private const double MaxRelativeJitter = 1e-2;

    /// <summary>Chooses <paramref name="count"/> distinct candidates, each the argmax of its own joint posterior draw.</summary>
    /// <param name="x">Training inputs in the unit cube (pending points included).</param>
    /// <param name="y">Training targets, standardised.</param>
    /// <param name="hyperparameters">Fitted hyperparameters for standardised targets.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="candidates">m candidate inputs.</param>
    /// <param name="count">Points wanted (at most m).</param>
    /// <param name="random">Source of the normal draws.</param>
    /// <returns>Indices into <paramref name="candidates"/>, in choice order.</returns>
    internal static int[] Choose(IReadOnlyList<double[]> x, IReadOnlyList<double> y, GaussianProcessHyperparameters hyperparameters, KernelKind kernel, IReadOnlyList<double[]> candidates, int count, SplitMix64 random)
    {
        int m = candidates.Count;
        (double[] mean, double[] lower) = Prepare(x, y, hyperparameters, kernel, candidates);
        List<int> chosen = new(count);
        bool[] taken = new bool[m];
        for (int q = 0; q < Math.Min(count, m); q++)
        {
            double[] f = Draw(mean, lower, random);
            int best = -1;
            double bestValue = double.NegativeInfinity;
            for (int i = 0; i < m; i++)
            {
                if (!taken[i] && f[i] > bestValue)
                {
                    bestValue = f[i];
                    best = i;
                }
            }

            taken[best] = true;
            chosen.Add(best);
        }

        return [.. chosen];
    }

    /// <summary>The joint posterior over the candidates as a mean and a lower Cholesky factor, ready for <see cref="Draw"/>.</summary>
    /// <param name="x">Training inputs in the unit cube (pending points included).</param>
    /// <param name="y">Training targets, standardised.</param>
    /// <param name="hyperparameters">Fitted hyperparameters for standardised targets.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="candidates">m candidate inputs.</param>
    /// <returns>The mean (length m) and the factor L (m × m column-major, lower triangle, upper zero).</returns>
    internal static (double[] Mean, double[] Lower) Prepare(IReadOnlyList<double[]> x, IReadOnlyList<double> y, GaussianProcessHyperparameters hyperparameters, KernelKind kernel, IReadOnlyList<double[]> candidates)
    {
        int m = candidates.Count;
        (double[] mean, double[] covariance) = CandidatePosterior.Compute(x, y, hyperparameters, kernel, candidates);
        CholeskyFactor joint = FactorWithJitter(covariance, m, hyperparameters.SignalVariance);
        double[] lower = new double[m * m];
        for (int j = 0; j < m; j++)
        {
            for (int i = j; i < m; i++)
            {
                lower[i + (j * m)] = joint[i, j];
            }
        }

        return (mean, lower);
    }

    /// <summary>One joint posterior draw f = μ + L z at every candidate.</summary>
    /// <param name="mean">μ from <see cref="Prepare"/>.</param>
    /// <param name="lower">L from <see cref="Prepare"/>.</param>
    /// <param name="random">Source of the normal draws (m of them per call).</param>
    /// <returns>The draw, in the standardised units of the GP's targets.</returns>
    internal static double[] Draw(double[] mean, double[] lower, SplitMix64 random)
    {
        int m = mean.Length;
        double[] z = new double[m];
        for (int i = 0; i < m; i++)
        {
            z[i] = StandardNormal(random);
        }

        // f = μ + L z, accumulated column by column because L is stored column-major.
        double[] f = [.. mean];
        for (int j = 0; j < m; j++)
        {
            double zj = z[j];
            for (int i = j; i < m; i++)
            {
                f[i] += lower[i + (j * m)] * zj;
            }
        }

        return f;
    }

    private static CholeskyFactor FactorWithJitter(double[] covariance, int m, double signalVariance)
    {
        for (double relative = InitialRelativeJitter; relative <= MaxRelativeJitter; relative *= 10.0)
        {
            double[] trial = [.. covariance];
            for (int i = 0; i < m; i++)
            {
                trial[i + (i * m)] += relative * signalVariance;
            }

            if (CholeskyFactor.TryFactor(trial, m, out CholeskyFactor? factor))
            {
                return factor;
            }
        }

        throw new InvalidOperationException($"the joint posterior covariance of {m} candidates stayed indefinite with jitter up to {MaxRelativeJitter}·s²");
    }

    /// <summary>A standard normal draw by Box–Muller (one of the pair; simple and reproducible).</summary>
    private static double StandardNormal(SplitMix64 random)
    {
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
