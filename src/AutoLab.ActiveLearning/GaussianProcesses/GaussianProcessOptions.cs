namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>How a <see cref="GaussianProcess"/> is fitted.</summary>
/// <remarks>
/// Bounds are for inputs in the unit cube and standardised outputs. The lower noise bound keeps
/// noiseless objectives well conditioned; the length-scale range spans from a two-hundredth of the cube
/// (wigglier than any objective sampled with tens of points can support) to twenty cubes (flat).
/// </remarks>
public sealed record GaussianProcessOptions
{
    /// <summary>The covariance function.</summary>
    public KernelKind Kernel { get; init; } = KernelKind.Matern52;

    /// <summary>Random restarts of the likelihood maximisation beyond the first, default start (scikit-learn's n_restarts_optimizer).</summary>
    public int Restarts { get; init; } = 2;

    /// <summary>Smallest length scale, unit-cube units.</summary>
    public double MinLengthScale { get; init; } = 0.005;

    /// <summary>Largest length scale, unit-cube units.</summary>
    public double MaxLengthScale { get; init; } = 20.0;

    /// <summary>Smallest signal variance, standardised units squared.</summary>
    public double MinSignalVariance { get; init; } = 0.05;

    /// <summary>Largest signal variance, standardised units squared.</summary>
    public double MaxSignalVariance { get; init; } = 1000.0;

    /// <summary>Smallest noise variance, standardised units squared.</summary>
    public double MinNoiseVariance { get; init; } = 1e-9;

    /// <summary>Largest noise variance, standardised units squared.</summary>
    public double MaxNoiseVariance { get; init; } = 1.0;

    /// <summary>Length scale of the first start, unit-cube units (scikit-learn's usual initial value).</summary>
    public double InitialLengthScale { get; init; } = 0.5;

    /// <summary>Noise variance of the first start, standardised units squared.</summary>
    public double InitialNoiseVariance { get; init; } = 1e-2;

    /// <summary>Added to the diagonal for numerical stability only, standardised units squared.</summary>
    public double Jitter { get; init; } = 1e-10;

    /// <summary>Prior on each length scale (maximum a posteriori), or null for maximum likelihood as scikit-learn does.</summary>
    public GammaPrior? LengthScalePrior { get; init; }

    /// <summary>Prior on the signal variance s² (maximum a posteriori), or null for maximum likelihood.</summary>
    public GammaPrior? SignalVariancePrior { get; init; }

    /// <summary>
    /// Most observations the hyperparameter fit reads; beyond it the fit uses a seeded random subset and the
    /// process is then conditioned on all of them. Each likelihood evaluation costs O(n³), so this bounds the
    /// fit's time for large histories; int.MaxValue (default) always uses everything.
    /// </summary>
    public int MaxFitPoints { get; init; } = int.MaxValue;

    /// <summary>
    /// Size m of the random subset on which each start is first optimised before its full-data L-BFGS run; used
    /// when the fit reads at least 2m points, 0 turns it off.
    /// </summary>
    /// <remarks>
    /// A likelihood evaluation on m points costs about (m/n)³ of one on all n, and the subset's optimum is close
    /// to the full one, so the full-data run starts near its end and needs fewer evaluations. The number of
    /// full-data runs stays 1 + <see cref="Restarts"/>; the default start runs cold on all the data, and the random
    /// restarts are the best of 16 per restart screened on the subset. At n = 1000, d = 6 the default of 250 halves
    /// the full-data evaluations (docs/benchmarks.md).
    /// </remarks>
    public int WarmStartPoints { get; init; } = 250;

    /// <summary>Iteration limit of each L-BFGS run.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>The defaults.</summary>
    public static GaussianProcessOptions Default { get; } = new();
}
