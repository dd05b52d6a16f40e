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

    /// <summary>
    /// Whether line-search trial points are evaluated for their value alone: the function is called with an
    /// empty gradient span and must then return f without writing a gradient, which is requested again only
    /// at the accepted point.
    /// </summary>
    /// <remarks>
    /// Worth it when the gradient costs much more than the value, as for a GP likelihood (a Cholesky factor for
    /// the value, a further inverse for the gradient): rejected trials then cost a third as much. The function
    /// may cache its work so that the second call at the same point adds only the gradient.
    /// </remarks>
    public bool ValueOnlyTrials { get; init; }

    /// <summary>The defaults.</summary>
    public static LbfgsOptions Default { get; } = new();
}
