using System.Runtime.InteropServices;
using AutoLab.ActiveLearning.LinearAlgebra;
using AutoLab.ActiveLearning.Optimization;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// Exact Gaussian-process regression on inputs in the unit cube: hyperparameters by maximum marginal
/// likelihood, posterior mean and variance with gradients, and fantasized observations by rank-one
/// Cholesky extension.
/// </summary>
/// <remarks>
/// Outputs are standardised internally (population mean and standard deviation, as scikit-learn's
/// <c>normalize_y</c>); every public figure is in the objective's own units except
/// <see cref="Hyperparameters"/> and <see cref="LogMarginalLikelihood"/>, which refer to the standardised
/// data. The likelihood is maximised by <see cref="BoundedLbfgs"/> in log space from one default start and
/// <see cref="GaussianProcessOptions.Restarts"/> random ones, which on large data are screened and warm-started on
/// a subset (<see cref="GaussianProcessOptions.WarmStartPoints"/>). Dense algebra is native
/// (<see cref="NativeLinearAlgebra"/>). <seealso cref="MarginalLikelihood"/>
/// </remarks>
public sealed class GaussianProcess
{
    private readonly KernelKind kind;
    private readonly double[] inverseSquaredScales;
    private readonly double signalVariance;
    private readonly double noiseVariance;
    private readonly double jitter;
    private readonly double outputMean;
    private readonly double outputScale;
    private readonly CholeskyFactor factor;
    private readonly List<double> inputs;
    private readonly List<double> targets;
    private double[] alpha;

    private GaussianProcess(KernelKind kind, double[] theta, int dimension, double jitter, double outputMean, double outputScale, CholeskyFactor factor, double[] x, double[] y, double logLikelihood)
    {
        this.kind = kind;
        Dimension = dimension;
        inverseSquaredScales = [.. theta.Take(dimension).Select(t => Math.Exp(-2.0 * t))];
        signalVariance = Math.Exp(theta[dimension]);
        noiseVariance = Math.Exp(theta[dimension + 1]);
        this.jitter = jitter;
        this.outputMean = outputMean;
        this.outputScale = outputScale;
        this.factor = factor;
        inputs = [.. x];
        targets = [.. y];
        alpha = [.. y];
        factor.Solve(alpha);
        LogMarginalLikelihood = logLikelihood;
        Hyperparameters = new GaussianProcessHyperparameters
        {
            LengthScales = [.. theta.Take(dimension).Select(t => Math.Exp(t))],
            SignalVariance = signalVariance,
            NoiseVariance = noiseVariance,
        };
    }

    /// <summary>Number of inputs d.</summary>
    public int Dimension { get; }

    /// <summary>Observations conditioned on, fantasies included.</summary>
    public int Count => targets.Count;

    /// <summary>The fitted hyperparameters (standardised units).</summary>
    public GaussianProcessHyperparameters Hyperparameters { get; }

    /// <summary>log p(y | θ) of the standardised training data at the fitted θ, in nats.</summary>
    public double LogMarginalLikelihood { get; }

    /// <summary>Likelihood evaluations on the fit data over all starts; line-search trials, which cost a Cholesky factor but no inverse, are counted as well as evaluations with the gradient. Warm-start work on a subset is counted in <see cref="WarmStartEvaluations"/>.</summary>
    public int FitEvaluations { get; private set; }

    /// <summary>Likelihood evaluations the fit spent on its warm-start subset (<see cref="GaussianProcessOptions.WarmStartPoints"/>), each costing about (m/n)³ of a full one; 0 when the warm start was not used.</summary>
    public int WarmStartEvaluations { get; private set; }

    /// <summary>Fits a GP to data.</summary>
    /// <param name="x">Inputs, each of length d with coordinates in [0, 1].</param>
    /// <param name="y">Outputs, finite, one per input.</param>
    /// <param name="options">Kernel, restarts and bounds; <see cref="GaussianProcessOptions.Default"/> when null.</param>
    /// <param name="seed">Seed of the random restarts.</param>
    /// <returns>The fitted process.</returns>
    /// <exception cref="ArgumentException">No data, ragged or non-finite inputs, or non-finite outputs.</exception>
    /// <exception cref="InvalidOperationException">No start gave a positive-definite covariance, or the native library is missing.</exception>
    public static GaussianProcess Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, GaussianProcessOptions? options = null, long seed = 0)
    {
        options ??= GaussianProcessOptions.Default;
        (double[] flat, int d) = FitInputs.Flatten(x, y);
        int n = y.Count;
        double mean = y.Average();
        double variance = y.Sum(v => (v - mean) * (v - mean)) / n;
        double scale = variance > 0.0 ? Math.Sqrt(variance) : 1.0;
        double[] standardised = [.. y.Select(v => (v - mean) / scale)];

        (double[] fitX, double[] fitY) = FitInputs.Subset(flat, standardised, d, options.MaxFitPoints, seed);
        SearchResult search = HyperparameterSearch.Run(fitX, fitY, d, options, seed, n);
        double[]? best = search.Best;
        double bestValue = search.Value;

        if (best is null)
        {
            throw new InvalidOperationException("Gaussian process fit failed: the covariance matrix was not positive definite at any start (duplicate inputs with too little noise?)");
        }

        double lml = options.LengthScalePrior is null && options.SignalVariancePrior is null && fitY.Length == n
            ? -bestValue
            : new MarginalLikelihood(flat, standardised, d, options.Kernel, options.Jitter).Evaluate(best, []);
        GaussianProcess process = Build(options.Kernel, best, flat, standardised, d, options.Jitter, mean, scale, lml);
        process.FitEvaluations = search.Evaluations;
        process.WarmStartEvaluations = search.SubsetEvaluations;
        return process;
    }

    /// <summary>Builds a GP at given hyperparameters without fitting them.</summary>
    /// <param name="x">Inputs in the unit cube.</param>
    /// <param name="y">Outputs.</param>
    /// <param name="hyperparameters">Kernel settings (standardised units).</param>
    /// <param name="kernel">The covariance function.</param>
    /// <param name="standardise">Whether to standardise y (as <see cref="Fit"/> does) or use it as given.</param>
    /// <param name="jitter">Diagonal stabiliser, standardised units squared.</param>
    /// <returns>The conditioned process.</returns>
    public static GaussianProcess Create(IReadOnlyList<double[]> x, IReadOnlyList<double> y, GaussianProcessHyperparameters hyperparameters, KernelKind kernel = KernelKind.Matern52, bool standardise = true, double jitter = 1e-10)
    {
        (double[] flat, int d) = FitInputs.Flatten(x, y);
        if (hyperparameters.LengthScales.Count != d)
        {
            throw new ArgumentException($"{hyperparameters.LengthScales.Count} length scales for {d} inputs", nameof(hyperparameters));
        }

        int n = y.Count;
        double mean = standardise ? y.Average() : 0.0;
        double variance = y.Sum(v => (v - mean) * (v - mean)) / n;
        double scale = standardise && variance > 0.0 ? Math.Sqrt(variance) : 1.0;
        double[] standardised = [.. y.Select(v => (v - mean) / scale)];
        double[] theta = [.. hyperparameters.LengthScales.Select(v => Math.Log(v)), Math.Log(hyperparameters.SignalVariance), Math.Log(hyperparameters.NoiseVariance)];
        double lml = new MarginalLikelihood(flat, standardised, d, kernel, jitter).Evaluate(theta, []);
        return Build(kernel, theta, flat, standardised, d, jitter, mean, scale, lml);
    }

    /// <summary>The log marginal likelihood of standardised data at given hyperparameters and its gradient in log space.</summary>
    /// <param name="x">Inputs in the unit cube.</param>
    /// <param name="standardisedY">Outputs, used as given.</param>
    /// <param name="logTheta">(log ℓ₁ … log ℓ_d, log s², log σₙ²).</param>
    /// <param name="gradient">Receives ∂/∂logθ; length d + 2.</param>
    /// <param name="kernel">The covariance function.</param>
    /// <param name="jitter">Diagonal stabiliser.</param>
    /// <returns>log p(y | θ) in nats; NaN when the covariance is not positive definite.</returns>
    public static double LogLikelihood(IReadOnlyList<double[]> x, IReadOnlyList<double> standardisedY, ReadOnlySpan<double> logTheta, Span<double> gradient, KernelKind kernel = KernelKind.Matern52, double jitter = 1e-10)
    {
        (double[] flat, int d) = FitInputs.Flatten(x, standardisedY);
        return new MarginalLikelihood(flat, [.. standardisedY], d, kernel, jitter).Evaluate(logTheta, gradient);
    }

    /// <summary>The posterior at one point.</summary>
    /// <param name="point">Unit-cube coordinates, length d.</param>
    /// <param name="withGradient">Whether to compute ∂μ/∂x and ∂σ²/∂x (no extra O(n²) work, O(n·d) more).</param>
    /// <returns>Mean, variance and, when asked, their gradients, in objective units.</returns>
    public Posterior Predict(ReadOnlySpan<double> point, bool withGradient = false)
    {
        CheckPoint(point);
        int n = Count;
        int d = Dimension;
        double[] cross = new double[n];
        double[] g = withGradient ? new double[n] : [];
        for (int i = 0; i < n; i++)
        {
            double r2 = SquaredDistance(point, i);
            cross[i] = signalVariance * Kernels.Evaluate(kind, r2, out double gi);
            if (withGradient)
            {
                g[i] = signalVariance * gi;
            }
        }

        double mean = 0.0;
        for (int i = 0; i < n; i++)
        {
            mean += cross[i] * alpha[i];
        }

        double[] solved = [.. cross];
        factor.Solve(solved);
        double explained = 0.0;
        for (int i = 0; i < n; i++)
        {
            explained += cross[i] * solved[i];
        }

        double variance = Math.Max(signalVariance - explained, 0.0);
        double[] meanGradient = withGradient ? new double[d] : [];
        double[] varianceGradient = withGradient ? new double[d] : [];
        if (withGradient)
        {
            for (int i = 0; i < n; i++)
            {
                double ma = -g[i] * alpha[i];
                double vs = 2.0 * g[i] * solved[i];
                int row = i * d;
                for (int k = 0; k < d; k++)
                {
                    double delta = (point[k] - inputs[row + k]) * inverseSquaredScales[k];
                    meanGradient[k] += ma * delta;
                    varianceGradient[k] += vs * delta;
                }
            }

            double s2 = outputScale * outputScale;
            for (int k = 0; k < d; k++)
            {
                meanGradient[k] *= outputScale;
                varianceGradient[k] *= s2;
            }
        }

        return new Posterior
        {
            Mean = outputMean + (outputScale * mean),
            Variance = outputScale * outputScale * variance,
            MeanGradient = meanGradient,
            VarianceGradient = varianceGradient,
        };
    }

    /// <summary>Posterior means and variances at many points, using BLAS-3 triangular solves.</summary>
    /// <param name="points">Unit-cube points, each of length d.</param>
    /// <param name="means">Receives μ, objective units; length m.</param>
    /// <param name="variances">Receives σ², objective units squared; length m.</param>
    public void PredictMany(IReadOnlyList<double[]> points, Span<double> means, Span<double> variances)
    {
        int m = points.Count;
        int n = Count;
        if (means.Length != m || variances.Length != m)
        {
            throw new ArgumentException($"{m} points but {means.Length} means and {variances.Length} variances");
        }

        const int Block = 256;
        double[] cross = new double[n * Math.Min(m, Block)];
        for (int first = 0; first < m; first += Block)
        {
            int count = Math.Min(Block, m - first);
            for (int c = 0; c < count; c++)
            {
                double[] point = points[first + c];
                CheckPoint(point);
                int column = c * n;
                double mean = 0.0;
                for (int i = 0; i < n; i++)
                {
                    double k = signalVariance * Kernels.Value(kind, SquaredDistance(point, i));
                    cross[column + i] = k;
                    mean += k * alpha[i];
                }

                means[first + c] = outputMean + (outputScale * mean);
            }

            factor.SolveLowerMany(cross, count);
            for (int c = 0; c < count; c++)
            {
                double explained = 0.0;
                int column = c * n;
                for (int i = 0; i < n; i++)
                {
                    explained += cross[column + i] * cross[column + i];
                }

                variances[first + c] = outputScale * outputScale * Math.Max(signalVariance - explained, 0.0);
            }
        }
    }

    /// <summary>
    /// Conditions on one more observation at the fitted hyperparameters, in O(n²) by extending the Cholesky
    /// factor; used to fantasize pending points (kriging believer).
    /// </summary>
    /// <param name="point">Unit-cube coordinates.</param>
    /// <param name="value">Observed (or fantasized) value, objective units.</param>
    /// <returns>False, and no change, when the point duplicates an existing one so closely that K would become singular.</returns>
    public bool AddObservation(ReadOnlySpan<double> point, double value)
    {
        CheckPoint(point);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"value must be finite; got {value}", nameof(value));
        }

        int n = Count;
        double[] cross = new double[n];
        for (int i = 0; i < n; i++)
        {
            cross[i] = signalVariance * Kernels.Value(kind, SquaredDistance(point, i));
        }

        if (!factor.TryAppend(cross, signalVariance + noiseVariance + jitter))
        {
            return false;
        }

        for (int k = 0; k < Dimension; k++)
        {
            inputs.Add(point[k]);
        }

        targets.Add((value - outputMean) / outputScale);
        alpha = [.. targets];
        factor.Solve(alpha);
        return true;
    }

    private static GaussianProcess Build(KernelKind kind, double[] theta, double[] flat, double[] standardised, int d, double jitter, double mean, double scale, double lml)
    {
        int n = standardised.Length;
        double s2 = Math.Exp(theta[d]);
        double noise = Math.Exp(theta[d + 1]);
        double[] inverseSquared = [.. theta.Take(d).Select(t => Math.Exp(-2.0 * t))];
        int capacity = n + 16;
        double[] storage = new double[capacity * capacity];
        for (int j = 0; j < n; j++)
        {
            storage[j + (j * capacity)] = s2 + noise + jitter;
            for (int i = j + 1; i < n; i++)
            {
                double r2 = 0.0;
                for (int k = 0; k < d; k++)
                {
                    double delta = flat[(i * d) + k] - flat[(j * d) + k];
                    r2 += delta * delta * inverseSquared[k];
                }

                storage[i + (j * capacity)] = s2 * Kernels.Value(kind, r2);
            }
        }

        if (!CholeskyFactor.FromStorage(storage, n, capacity, out CholeskyFactor? factor))
        {
            throw new InvalidOperationException("Gaussian process: the covariance matrix is not positive definite at these hyperparameters");
        }

        return new GaussianProcess(kind, theta, d, jitter, mean, scale, factor, flat, standardised, lml);
    }

    private double SquaredDistance(ReadOnlySpan<double> point, int i)
    {
        ReadOnlySpan<double> row = CollectionsMarshal.AsSpan(inputs).Slice(i * Dimension, Dimension);
        double r2 = 0.0;
        for (int k = 0; k < row.Length; k++)
        {
            double delta = point[k] - row[k];
            r2 += delta * delta * inverseSquaredScales[k];
        }

        return r2;
    }

    private void CheckPoint(ReadOnlySpan<double> point)
    {
        if (point.Length != Dimension)
        {
            throw new ArgumentException($"point has {point.Length} coordinates; the process has {Dimension} inputs", nameof(point));
        }
    }
}
