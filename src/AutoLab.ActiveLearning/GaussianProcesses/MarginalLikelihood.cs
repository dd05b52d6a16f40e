using AutoLab.ActiveLearning.LinearAlgebra;

namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// The log marginal likelihood of standardised data under a GP and its analytic gradient with respect to
/// the log hyperparameters θ = (log ℓ₁ … log ℓ_d, log s², log σₙ²).
/// </summary>
/// <remarks>
/// log p(y | θ) = −½ yᵀα − Σ log Lᵢᵢ − (n/2) log 2π with K = L Lᵀ, α = K⁻¹y, and
/// ∂/∂θⱼ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θⱼ) (Rasmussen and Williams 2006, eqs. 2.30 and 5.9). K⁻¹ comes from the
/// factor by LAPACK dpotri; the trace is a single fused pass over the lower triangle that recomputes each
/// pair's scaled distances, so memory stays at one n × n matrix whatever d is. Buffers are reused across
/// evaluations; an instance is not thread-safe.
/// </remarks>
internal sealed class MarginalLikelihood
{
    private static readonly double LogTwoPi = Math.Log(2.0 * Math.PI);

    private readonly double[] x;
    private readonly double[] y;
    private readonly int n;
    private readonly int d;
    private readonly KernelKind kind;
    private readonly double jitter;
    private readonly double[] matrix;
    private readonly double[] alpha;
    private readonly double[] inverseSquaredScales;
    private readonly GammaPrior? prior;
    private readonly GammaPrior? signalPrior;

    /// <summary>Prepares an evaluator.</summary>
    /// <param name="x">Inputs, row-major n × d.</param>
    /// <param name="y">Standardised outputs, length n.</param>
    /// <param name="dimension">d.</param>
    /// <param name="kind">Kernel.</param>
    /// <param name="jitter">Diagonal stabiliser.</param>
    /// <param name="prior">Length-scale prior added to the objective, or null.</param>
    /// <param name="signalPrior">Signal-variance prior added to the objective, or null.</param>
    internal MarginalLikelihood(double[] x, double[] y, int dimension, KernelKind kind, double jitter, GammaPrior? prior = null, GammaPrior? signalPrior = null)
    {
        this.prior = prior;
        this.signalPrior = signalPrior;
        this.x = x;
        this.y = y;
        n = y.Length;
        d = dimension;
        this.kind = kind;
        this.jitter = jitter;
        matrix = new double[n * n];
        alpha = new double[n];
        inverseSquaredScales = new double[d];
    }

    /// <summary>Number of hyperparameters, d + 2.</summary>
    internal int ParameterCount => d + 2;

    /// <summary>The negative log marginal likelihood (plus log prior, when set) and its gradient, for a minimiser.</summary>
    internal double NegativeWithGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double value = Evaluate(theta, gradient);
        if (prior is not null)
        {
            for (int k = 0; k < d; k++)
            {
                value += prior.LogDensity(theta[k], out double slope);
                gradient[k] += slope;
            }
        }

        if (signalPrior is not null)
        {
            value += signalPrior.LogDensity(theta[d], out double slope);
            gradient[d] += slope;
        }

        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = -gradient[i];
        }

        return -value;
    }

    /// <summary>log p(y | θ) and, when <paramref name="gradient"/> is not empty, its gradient; NaN when K is not positive definite.</summary>
    internal double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        for (int k = 0; k < d; k++)
        {
            inverseSquaredScales[k] = Math.Exp(-2.0 * theta[k]);
        }

        double s2 = Math.Exp(theta[d]);
        double noise = Math.Exp(theta[d + 1]);
        Fill(s2, noise);
        if (Dense.Potrf(matrix, n, n) != 0)
        {
            gradient.Clear();
            return double.NaN;
        }

        double logDet = 0.0;
        for (int i = 0; i < n; i++)
        {
            logDet += Math.Log(matrix[i + (i * n)]);
        }

        y.CopyTo(alpha, 0);
        Dense.Potrs(matrix, n, n, alpha, 1, n);
        double fit = 0.0;
        for (int i = 0; i < n; i++)
        {
            fit += y[i] * alpha[i];
        }

        double value = (-0.5 * fit) - logDet - (0.5 * n * LogTwoPi);
        if (gradient.IsEmpty)
        {
            return value;
        }

        if (Dense.Potri(matrix, n, n) != 0)
        {
            gradient.Clear();
            return double.NaN;
        }

        Gradient(s2, noise, gradient);
        return value;
    }

    private void Fill(double s2, double noise)
    {
        for (int j = 0; j < n; j++)
        {
            int column = j * n;
            matrix[j + column] = s2 + noise + jitter;
            for (int i = j + 1; i < n; i++)
            {
                matrix[i + column] = s2 * Kernels.Value(kind, SquaredDistance(i, j));
            }
        }
    }

    private double SquaredDistance(int i, int j)
    {
        int a = i * d;
        int b = j * d;
        double r2 = 0.0;
        for (int k = 0; k < d; k++)
        {
            double delta = x[a + k] - x[b + k];
            r2 += delta * delta * inverseSquaredScales[k];
        }

        return r2;
    }

    private void Gradient(double s2, double noise, Span<double> gradient)
    {
        gradient.Clear();
        Span<double> u = stackalloc double[d];
        double signal = 0.0;
        double noiseTerm = 0.0;
        for (int j = 0; j < n; j++)
        {
            int column = j * n;
            double w = (alpha[j] * alpha[j]) - matrix[j + column];
            signal += 0.5 * w * s2;
            noiseTerm += 0.5 * w * noise;
            int b = j * d;
            for (int i = j + 1; i < n; i++)
            {
                // The off-diagonal pair (i, j) appears twice in the trace, cancelling the ½.
                w = (alpha[i] * alpha[j]) - matrix[i + column];
                int a = i * d;
                double r2 = 0.0;
                for (int k = 0; k < d; k++)
                {
                    double delta = x[a + k] - x[b + k];
                    u[k] = delta * delta * inverseSquaredScales[k];
                    r2 += u[k];
                }

                double kv = Kernels.Evaluate(kind, r2, out double g);
                double ws = w * s2;
                signal += ws * kv;
                double wg = ws * g;
                for (int k = 0; k < d; k++)
                {
                    gradient[k] += wg * u[k];
                }
            }
        }

        gradient[d] = signal;
        gradient[d + 1] = noiseTerm;
    }
}
