using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.LinearAlgebra;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>
/// Integrated-variance reduction (IMSE, "active learning Cohn"): how much measuring at a candidate would
/// lower the GP's posterior variance averaged over a reference set that stands for the whole map.
/// </summary>
/// <remarks>
/// <para>For conditioning points X (observations, pending and already chosen points), reference points R and
/// a candidate c, ΔV(c) = (1/|R|) Σ_r k_n(r, c)² / (σ_n²(c) + σ_noise²), with k_n the posterior covariance
/// k_n(a, b) = k(a, b) − k(a, X) K⁻¹ k(X, b) and K = K(X, X) + σ_noise² I (Sacks, Welch, Mitchell and Wynn,
/// <i>Stat. Sci.</i> 4, 409 (1989); Cohn, <i>J. Artif. Intell. Res.</i> 4, 129 (1996); Gramacy, <i>Surrogates</i>
/// (2020) ch. 6). It is the exact drop of the mean variance over R when c is measured: the rank-one update
/// of the posterior covariance, averaged.</para>
/// <para>With K = LLᵀ, V_R = L⁻¹K(X, R) and V_C = L⁻¹K(X, C), k_n(R, C) = K(R, C) − V_Rᵀ V_C: two BLAS-3
/// triangular solves and one <c>dgemm</c> per block of candidates, O(n²(|R| + |C|) + n|R||C|). The
/// measure does not read the measured values, so conditioning on a chosen point (any believed value)
/// lowers the variance exactly as the measurement will, and a batch chosen one point at a time is the
/// sequential design itself (<see cref="IntegratedVarianceBatch"/>). Scores are in standardised output units
/// squared; only their order matters. <seealso cref="KrigingExplorerStrategy"/></para>
/// </remarks>
internal sealed class IntegratedVarianceReduction
{
    /// <summary>Candidates scored per dgemm, to bound the |R| × block scratch matrix.</summary>
    private const int Block = 256;

    private readonly KernelKind kernel;
    private readonly double[] inverseSquaredScales;
    private readonly double signalVariance;
    private readonly double noiseVariance;
    private readonly IReadOnlyList<double[]> reference;
    private readonly List<double[]> conditioned;
    private readonly CholeskyFactor factor;
    private double[]? referenceSolve;

    /// <summary>Factors the covariance of the conditioning points.</summary>
    /// <param name="hyperparameters">Fitted kernel settings (standardised units).</param>
    /// <param name="kernel">The covariance function.</param>
    /// <param name="jitter">Diagonal stabiliser added to the noise variance, as the GP adds it.</param>
    /// <param name="conditioned">Points the posterior is conditioned on, unit cube.</param>
    /// <param name="reference">Points over which the variance is averaged, unit cube; at least one.</param>
    /// <exception cref="InvalidOperationException">The covariance of the conditioning points is not positive definite.</exception>
    internal IntegratedVarianceReduction(GaussianProcessHyperparameters hyperparameters, KernelKind kernel, double jitter, IReadOnlyList<double[]> conditioned, IReadOnlyList<double[]> reference)
    {
        if (reference.Count == 0)
        {
            throw new ArgumentException("at least one reference point is needed", nameof(reference));
        }

        this.kernel = kernel;
        inverseSquaredScales = [.. hyperparameters.LengthScales.Select(l => 1.0 / (l * l))];
        signalVariance = hyperparameters.SignalVariance;
        noiseVariance = hyperparameters.NoiseVariance + jitter;
        this.reference = reference;
        this.conditioned = [.. conditioned];
        int n = this.conditioned.Count;
        double[] k = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++)
            {
                k[i + (j * n)] = Covariance(this.conditioned[i], this.conditioned[j]);
            }

            k[j + (j * n)] += noiseVariance;
        }

        // Room for a batch of appended picks before the factor has to grow.
        factor = CholeskyFactor.TryFactor(k, n, out CholeskyFactor? f, extraCapacity: 16)
            ? f
            : throw new InvalidOperationException("integrated variance: the covariance of the conditioning points is not positive definite");
    }

    /// <summary>Points conditioned on so far.</summary>
    internal int Count => conditioned.Count;

    /// <summary>The prior covariance K(R, C) of the reference set with candidates, |R| × |C| column-major: it does not change as points are conditioned on, so a batch computes it once.</summary>
    /// <param name="candidates">Unit-cube points.</param>
    /// <returns>The matrix, to pass to <see cref="Reductions"/> with the same candidates.</returns>
    internal double[] PriorCovariance(IReadOnlyList<double[]> candidates)
    {
        int r = reference.Count;
        double[] prior = new double[r * candidates.Count];
        for (int c = 0; c < candidates.Count; c++)
        {
            for (int j = 0; j < r; j++)
            {
                prior[j + (c * r)] = Covariance(reference[j], candidates[c]);
            }
        }

        return prior;
    }

    /// <summary>ΔV(c) for every candidate: the drop of the mean posterior variance over the reference set if c were measured.</summary>
    /// <param name="candidates">Unit-cube points.</param>
    /// <param name="prior">K(R, C) from <see cref="PriorCovariance"/> for these candidates, or null to compute it on the way.</param>
    /// <returns>One non-negative score per candidate, standardised units squared.</returns>
    internal double[] Reductions(IReadOnlyList<double[]> candidates, double[]? prior = null)
    {
        int n = Count;
        int r = reference.Count;
        int m = candidates.Count;
        double[] vr = ReferenceSolve();
        double[] scores = new double[m];
        double[] vc = new double[n * Math.Min(Math.Max(m, 1), Block)];
        double[] explained = new double[r * Math.Min(Math.Max(m, 1), Block)];
        for (int first = 0; first < m; first += Block)
        {
            int count = Math.Min(Block, m - first);
            FillCross(candidates, first, count, vc);
            factor.SolveLowerMany(vc, count);
            if (n > 0)
            {
                Dense.GemmTransposeA(vr, n, r, vc, count, explained);
            }

            for (int c = 0; c < count; c++)
            {
                double[] candidate = candidates[first + c];
                double variance = signalVariance;
                for (int i = 0; i < n; i++)
                {
                    variance -= vc[i + (c * n)] * vc[i + (c * n)];
                }

                double sum = 0.0;
                for (int j = 0; j < r; j++)
                {
                    double covariance = (prior is null ? Covariance(reference[j], candidate) : prior[j + ((first + c) * r)]) - (n > 0 ? explained[j + (c * r)] : 0.0);
                    sum += covariance * covariance;
                }

                scores[first + c] = sum / (Math.Max(variance, 0.0) + noiseVariance) / r;
            }
        }

        return scores;
    }

    /// <summary>The mean posterior variance over the reference set, standardised units squared.</summary>
    /// <returns>(1/|R|) Σ_r σ_n²(r).</returns>
    internal double IntegratedVariance()
    {
        int n = Count;
        double[] vr = ReferenceSolve();
        double sum = 0.0;
        for (int j = 0; j < reference.Count; j++)
        {
            double variance = signalVariance;
            for (int i = 0; i < n; i++)
            {
                variance -= vr[i + (j * n)] * vr[i + (j * n)];
            }

            sum += Math.Max(variance, 0.0);
        }

        return sum / reference.Count;
    }

    /// <summary>Conditions on one more point (its value is irrelevant to the variance), in O(n²).</summary>
    /// <param name="point">Unit-cube point.</param>
    /// <returns>False, and no change, when the point duplicates a conditioned one so closely that the covariance would be singular.</returns>
    internal bool Condition(double[] point)
    {
        double[] cross = [.. conditioned.Select(x => Covariance(x, point))];
        if (!factor.TryAppend(cross, signalVariance + noiseVariance))
        {
            return false;
        }

        conditioned.Add(point);
        referenceSolve = null;
        return true;
    }

    /// <summary>V_R = L⁻¹K(X, R), n × |R| column-major, recomputed after each conditioning.</summary>
    private double[] ReferenceSolve()
    {
        if (referenceSolve is null)
        {
            int n = Count;
            referenceSolve = new double[n * reference.Count];
            FillCross(reference, 0, reference.Count, referenceSolve);
            factor.SolveLowerMany(referenceSolve, reference.Count);
        }

        return referenceSolve;
    }

    /// <summary>K(X, points[first..first+count]) into an n × count column-major block.</summary>
    private void FillCross(IReadOnlyList<double[]> points, int first, int count, double[] block)
    {
        int n = Count;
        for (int c = 0; c < count; c++)
        {
            double[] point = points[first + c];
            for (int i = 0; i < n; i++)
            {
                block[i + (c * n)] = Covariance(conditioned[i], point);
            }
        }
    }

    private double Covariance(double[] a, double[] b)
    {
        double r2 = 0.0;
        for (int k = 0; k < a.Length; k++)
        {
            double delta = a[k] - b[k];
            r2 += delta * delta * inverseSquaredScales[k];
        }

        return signalVariance * Kernels.Value(kernel, r2);
    }
}
