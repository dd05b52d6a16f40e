using System.Numerics;
using System.Runtime.InteropServices;
using AutoLab.ActiveLearning.LinearAlgebra;

namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// The log marginal likelihood of standardised data under a GP and its analytic gradient with respect to
/// the log hyperparameters θ = (log ℓ₁ … log ℓ_d, log s², log σₙ²).
/// </summary>
/// <remarks>
/// log p(y | θ) = −½ yᵀα − Σ log Lᵢᵢ − (n/2) log 2π with K = L Lᵀ, α = K⁻¹y, and
/// ∂/∂θⱼ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θⱼ) (Rasmussen and Williams 2006, eqs. 2.30 and 5.9). K⁻¹ comes from the
/// factor by LAPACK dpotri; the trace is a single fused pass over the lower triangle, a column at a time with
/// SIMD (<see cref="KernelColumn"/>), that recomputes each pair's squared differences, so memory stays at one
/// n × n matrix plus O(n d) whatever d is. Buffers are reused across evaluations; an instance is not
/// thread-safe.
/// </remarks>
internal sealed class MarginalLikelihood
{
    private static readonly double LogTwoPi = Math.Log(2.0 * Math.PI);

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
    private readonly double[] factorTheta;
    private readonly double[] transposed;
    private readonly double[] r2;
    private readonly double[] values;
    private readonly double[] factor;
    private readonly double[] weights;
    private readonly double[] differences;
    private bool factorReady;
    private double factorValue;

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
        this.y = y;
        n = y.Length;
        d = dimension;
        this.kind = kind;
        this.jitter = jitter;
        matrix = new double[n * n];
        alpha = new double[n];
        inverseSquaredScales = new double[d];
        factorTheta = new double[d + 2];
        transposed = KernelColumn.Transpose(x, n, d);
        r2 = new double[n];
        values = new double[n];
        factor = new double[n];
        weights = new double[n];
        differences = new double[n * d];
    }

    /// <summary>Number of hyperparameters, d + 2.</summary>
    internal int ParameterCount => d + 2;

    /// <summary>The negative log marginal likelihood (plus log prior, when set) and its gradient, for a minimiser; the value alone when <paramref name="gradient"/> is empty.</summary>
    internal double NegativeWithGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double value = Evaluate(theta, gradient);
        if (prior is not null)
        {
            for (int k = 0; k < d; k++)
            {
                value += prior.LogDensity(theta[k], out double slope);
                if (!gradient.IsEmpty)
                {
                    gradient[k] += slope;
                }
            }
        }

        if (signalPrior is not null)
        {
            value += signalPrior.LogDensity(theta[d], out double slope);
            if (!gradient.IsEmpty)
            {
                gradient[d] += slope;
            }
        }

        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = -gradient[i];
        }

        return -value;
    }

    /// <summary>log p(y | θ) and, when <paramref name="gradient"/> is not empty, its gradient; NaN when K is not positive definite.</summary>
    /// <remarks>
    /// A value-only call keeps its Cholesky factor and α, so a following call at the same θ that asks for the
    /// gradient (what <see cref="Optimization.LbfgsOptions.ValueOnlyTrials"/> does at an accepted step) skips
    /// straight to the inverse.
    /// </remarks>
    internal double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        for (int k = 0; k < d; k++)
        {
            inverseSquaredScales[k] = Math.Exp(-2.0 * theta[k]);
        }

        double s2 = Math.Exp(theta[d]);
        double noise = Math.Exp(theta[d + 1]);
        if (factorReady && theta.SequenceEqual(factorTheta))
        {
            factorReady = false;
            if (gradient.IsEmpty)
            {
                factorReady = true;
                return factorValue;
            }

            return GradientFromFactor(s2, noise, factorValue, gradient);
        }

        factorReady = false;
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
            theta.CopyTo(factorTheta);
            factorValue = value;
            factorReady = true;
            return value;
        }

        return GradientFromFactor(s2, noise, value, gradient);
    }

    /// <summary>Turns the factor in <see cref="matrix"/> into K⁻¹ (destroying the factor) and fills the gradient.</summary>
    private double GradientFromFactor(double s2, double noise, double value, Span<double> gradient)
    {
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
            int length = n - j - 1;
            KernelColumn.SquaredDistances(transposed, n, d, j, inverseSquaredScales, r2, []);
            KernelColumn.Evaluate(kind, r2, length, matrix.AsSpan(column + j + 1, length), []);
            if (s2 != 1.0)
            {
                Scale(matrix.AsSpan(column + j + 1, length), s2);
            }
        }
    }

    private void Gradient(double s2, double noise, Span<double> gradient)
    {
        gradient.Clear();
        double signal = 0.0;
        double noiseTerm = 0.0;
        for (int j = 0; j < n; j++)
        {
            int column = j * n;
            double w = (alpha[j] * alpha[j]) - matrix[j + column];
            signal += 0.5 * w * s2;
            noiseTerm += 0.5 * w * noise;
            int length = n - j - 1;
            if (length == 0)
            {
                continue;
            }

            // The off-diagonal pair (i, j) appears twice in the trace, cancelling the ½.
            Span<double> weights = this.weights.AsSpan(0, length);
            ReadOnlySpan<double> inverse = matrix.AsSpan(column + j + 1, length);
            ReadOnlySpan<double> alphas = alpha.AsSpan(j + 1, length);
            double alphaJ = alpha[j];
            for (int i = 0; i < length; i++)
            {
                weights[i] = (alphas[i] * alphaJ) - inverse[i];
            }

            KernelColumn.SquaredDistances(transposed, n, d, j, inverseSquaredScales, r2, differences);
            KernelColumn.Evaluate(kind, r2, length, values, factor);
            signal += s2 * Dot(weights, values.AsSpan(0, length));
            for (int i = 0; i < length; i++)
            {
                weights[i] *= factor[i];
            }

            for (int k = 0; k < d; k++)
            {
                gradient[k] += s2 * inverseSquaredScales[k] * Dot(weights, differences.AsSpan(k * n, length));
            }
        }

        gradient[d] = signal;
        gradient[d + 1] = noiseTerm;
    }

    private static void Scale(Span<double> values, double factor)
    {
        Span<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        Vector<double> scale = new(factor);
        for (int v = 0; v < vectors.Length; v++)
        {
            vectors[v] *= scale;
        }

        for (int i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ReadOnlySpan<Vector<double>> va = MemoryMarshal.Cast<double, Vector<double>>(a);
        ReadOnlySpan<Vector<double>> vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
        Vector<double> sum = Vector<double>.Zero;
        for (int v = 0; v < va.Length; v++)
        {
            sum += va[v] * vb[v];
        }

        double total = Vector.Sum(sum);
        for (int i = va.Length * Vector<double>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
