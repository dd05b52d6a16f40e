namespace AutoLab.ActiveLearning.Optimization;

/// <summary>Settings of <see cref="BoundedLbfgs"/>.</summary>
/// <remarks>The defaults follow SciPy's L-BFGS-B (memory 10, projected-gradient tolerance 1e-5, factr 1e7 ≈ 2.2e-9 relative).</remarks>
public sealed record LbfgsOptions
{
    /// <summary>Correction pairs kept for the inverse-Hessian approximation.</summary>
    public int Memory { get; init; } = 10;

    /// <summary>Most iterations (each is one line search).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when every component of the projected gradient is at most this, in f's units per x unit.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Stop when (f_old − f_new) / max(|f_old|, |f_new|, 1) is at most this.</summary>
    public double RelativeTolerance { get; init; } = 2.2e-9;

    /// <summary>The defaults.</summary>
    public static LbfgsOptions Default { get; } = new();
}
