using AutoLab.ActiveLearning.LinearAlgebra;

namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// The joint posterior of a GP over a finite set of m points: means and the full m × m covariance, for
/// standardised targets and given hyperparameters.
/// </summary>
/// <remarks>
/// With K = LLᵀ over the n training inputs and V = L⁻¹K(X, C), the posterior is μ = K(C, X)K⁻¹y and
/// Σ = K(C, C) − VᵀV (Rasmussen and Williams 2006, eqs. 2.24 and 2.26); V comes from one BLAS-3 triangular
/// solve and VᵀV from one <c>dsyrk</c>, so the cost is O(n³/3 + n²m + nm²). Only the lower triangle of Σ is
/// filled. Used by joint Thompson sampling (<c>turbo</c>) and Monte-Carlo q-EI (<c>bo</c> with <c>batch: qei</c>).
/// </remarks>
internal static class CandidatePosterior
{
    /// <summary>Computes the joint posterior.</summary>
    /// <param name="x">Training inputs in the unit cube.</param>
    /// <param name="y">Standardised training targets.</param>
    /// <param name="hyperparameters">Fitted hyperparameters for standardised targets.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="candidates">The m points.</param>
    /// <returns>Means (length m) and the covariance (m × m column-major, lower triangle).</returns>
    /// <exception cref="InvalidOperationException">The training covariance is not positive definite.</exception>
    internal static (double[] Mean, double[] Covariance) Compute(IReadOnlyList<double[]> x, IReadOnlyList<double> y, GaussianProcessHyperparameters hyperparameters, KernelKind kernel, IReadOnlyList<double[]> candidates)
    {
        int n = x.Count;
        int m = candidates.Count;
        double[] inverseSquaredScales = [.. hyperparameters.LengthScales.Select(l => 1.0 / (l * l))];
        double s2 = hyperparameters.SignalVariance;

        double[] k = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++)
            {
                k[i + (j * n)] = s2 * Kernels.Value(kernel, ScaledDistance(x[i], x[j], inverseSquaredScales));
            }

            k[j + (j * n)] += hyperparameters.NoiseVariance + 1e-10;
        }

        if (!CholeskyFactor.TryFactor(k, n, out CholeskyFactor? factor))
        {
            throw new InvalidOperationException("the GP's training covariance is not positive definite");
        }

        double[] alpha = [.. y];
        factor.Solve(alpha);

        double[] cross = new double[n * m];
        double[] mean = new double[m];
        for (int c = 0; c < m; c++)
        {
            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                double value = s2 * Kernels.Value(kernel, ScaledDistance(x[i], candidates[c], inverseSquaredScales));
                cross[i + (c * n)] = value;
                sum += value * alpha[i];
            }

            mean[c] = sum;
        }

        factor.SolveLowerMany(cross, m);
        double[] explained = new double[m * m];
        Dense.SyrkTranspose(cross, n, m, explained);
        double[] covariance = new double[m * m];
        for (int j = 0; j < m; j++)
        {
            for (int i = j; i < m; i++)
            {
                covariance[i + (j * m)] = (s2 * Kernels.Value(kernel, ScaledDistance(candidates[i], candidates[j], inverseSquaredScales))) - explained[i + (j * m)];
            }
        }

        return (mean, covariance);
    }

    private static double ScaledDistance(double[] a, double[] b, double[] inverseSquaredScales)
    {
        double r2 = 0.0;
        for (int d = 0; d < a.Length; d++)
        {
            double delta = a[d] - b[d];
            r2 += delta * delta * inverseSquaredScales[d];
        }

        return r2;
    }
}
