using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>
/// Batch selection by Monte-Carlo q-expected improvement, qEI(X) = E[max(max_j f(x_j) − f*, 0)] under the joint
/// posterior of the batch and the pending points, maximised greedily over a finite candidate set.
/// </summary>
/// <remarks>
/// <para>The expectation is a sample average over the reparameterisation f = μ + L z of Wilson, Hutter and
/// Deisenroth (2018, "Maximizing acquisition functions for Bayesian optimization"), with L the Cholesky factor of
/// the posterior covariance of the q points and z fixed base samples: scrambled Sobol points mapped through Φ⁻¹,
/// the same for every candidate (common random numbers), so the estimate is deterministic and comparisons between
/// candidates carry little Monte-Carlo noise. Pending points take the first rows of the joint posterior: they
/// count towards the maximum but are never chosen, which is BoTorch's X_pending.</para>
/// <para>The batch is built one point at a time (BoTorch's sequential greedy optimisation): each new point is the
/// candidate that maximises qEI of the points fixed so far plus itself. Only the new point's row of L changes,
/// so scoring a candidate costs O(k² + S·k) for k points and S samples once the joint candidate covariance is
/// known. The maximisation is over the candidate set only; unlike BoTorch this code has no gradient polish.</para>
/// </remarks>
internal static class MonteCarloExpectedImprovement
{
    /// <summary>Base samples S of the sample average (a power of two, as Sobol points balance best).</summary>
    internal const int Samples = 512;

    /// <summary>Jitter added to each new diagonal element, relative to the signal variance.</summary>
    private const double RelativeJitter = 1e-9;

    /// <summary>Chooses <paramref name="count"/> candidates by greedy q-EI.</summary>
    /// <param name="x">Training inputs in the unit cube.</param>
    /// <param name="y">Training outputs to maximise, objective units.</param>
    /// <param name="hyperparameters">Fitted hyperparameters (standardised units, as <see cref="GaussianProcess.Fit"/> reports them).</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="fixedPoints">Pending points (and points already in the batch), in the unit cube.</param>
    /// <param name="candidates">Points to choose from, in the unit cube.</param>
    /// <param name="incumbent">f*, the best observed value, objective units.</param>
    /// <param name="count">Points to choose.</param>
    /// <param name="seed">Seed of the base samples.</param>
    /// <returns>Indices into <paramref name="candidates"/>, in choice order, each at most once.</returns>
    internal static int[] Choose(IReadOnlyList<double[]> x, IReadOnlyList<double> y, GaussianProcessHyperparameters hyperparameters, KernelKind kernel, IReadOnlyList<double[]> fixedPoints, IReadOnlyList<double[]> candidates, double incumbent, int count, long seed)
    {
        int p = fixedPoints.Count;
        int m = p + candidates.Count;
        int q = p + count;
        count = Math.Min(count, candidates.Count);
        if (q > SobolSequence.MaxDimension)
        {
            throw new ArgumentException($"q-EI over {q} points (pending included) needs more Sobol dimensions than the {SobolSequence.MaxDimension} available");
        }

        // Standardise as GaussianProcess.Fit does, so the fitted hyperparameters apply; qEI scales with the output sd, argmax does not change.
        double mean = y.Average();
        double variance = y.Sum(v => (v - mean) * (v - mean)) / y.Count;
        double scale = variance > 0.0 ? Math.Sqrt(variance) : 1.0;
        double best = (incumbent - mean) / scale;
        (double[] mu, double[] sigma) = CandidatePosterior.Compute(x, [.. y.Select(v => (v - mean) / scale)], hyperparameters, kernel, [.. fixedPoints, .. candidates]);

        double[][] z = BaseSamples(q, seed);
        double jitter = RelativeJitter * hyperparameters.SignalVariance;
        List<int> chosen = [.. Enumerable.Range(0, p)];
        double[] lower = new double[q * q];
        double[] sampleMax = new double[Samples];
        Array.Fill(sampleMax, double.NegativeInfinity);
        double[] row = new double[q];
        for (int k = 0; k < q; k++)
        {
            int index;
            if (k < p)
            {
                index = k;
            }
            else
            {
                index = -1;
                double bestValue = double.NegativeInfinity;
                for (int c = p; c < m; c++)
                {
                    if (chosen.Contains(c) || !Row(sigma, m, lower, q, chosen, c, jitter, row))
                    {
                        continue;
                    }

                    double value = Average(mu[c], row, chosen.Count, z, sampleMax, best);
                    if (value > bestValue)
                    {
                        bestValue = value;
                        index = c;
                    }
                }

                if (index < 0)
                {
                    break;
                }
            }

            if (!Row(sigma, m, lower, q, chosen, index, jitter, row))
            {
                // A pending point that duplicates an earlier one adds nothing to the maximum; leave it out.
                continue;
            }

            for (int j = 0; j <= chosen.Count; j++)
            {
                lower[chosen.Count + (j * q)] = row[j];
            }

            for (int s = 0; s < Samples; s++)
            {
                sampleMax[s] = Math.Max(sampleMax[s], Sample(mu[index], row, chosen.Count, z[s]));
            }

            chosen.Add(index);
        }

        return [.. chosen.Where(i => i >= p).Select(i => i - p)];
    }

    /// <summary>
    /// The Cholesky row of point <paramref name="c"/> after the chosen ones: l = L⁻¹Σ(chosen, c) and
    /// l_kk = √(Σ_cc − lᵀl); false when the point is (numerically) determined by the chosen ones.
    /// </summary>
    private static bool Row(double[] sigma, int m, double[] lower, int q, List<int> chosen, int c, double jitter, double[] row)
    {
        int k = chosen.Count;
        double norm = 0.0;
        for (int i = 0; i < k; i++)
        {
            int a = Math.Max(chosen[i], c);
            int b = Math.Min(chosen[i], c);
            double sum = sigma[a + (b * m)];
            for (int j = 0; j < i; j++)
            {
                sum -= lower[i + (j * q)] * row[j];
            }

            row[i] = sum / lower[i + (i * q)];
            norm += row[i] * row[i];
        }

        double diagonal = sigma[c + (c * m)] + jitter - norm;
        if (!(diagonal > jitter))
        {
            return false;
        }

        row[k] = Math.Sqrt(diagonal);
        return true;
    }

    private static double Sample(double mean, double[] row, int k, double[] z)
    {
        double f = mean;
        for (int j = 0; j <= k; j++)
        {
            f += row[j] * z[j];
        }

        return f;
    }

    private static double Average(double mean, double[] row, int k, double[][] z, double[] sampleMax, double best)
    {
        double sum = 0.0;
        for (int s = 0; s < Samples; s++)
        {
            sum += Math.Max(Math.Max(sampleMax[s], Sample(mean, row, k, z[s])) - best, 0.0);
        }

        return sum / Samples;
    }

    /// <summary>S × q standard normal base samples from Owen-scrambled Sobol points through Φ⁻¹.</summary>
    private static double[][] BaseSamples(int q, long seed)
    {
        SobolSequence sobol = new(Math.Max(q, 1), SobolScramble.Owen, seed);
        double[][] z = new double[Samples][];
        for (int s = 0; s < Samples; s++)
        {
            double[] u = sobol.Element(s);
            z[s] = [.. u.Select(v => NormalDistribution.InverseCdf(Math.Clamp(v, 1e-12, 1.0 - 1e-12)))];
        }

        return z;
    }
}
