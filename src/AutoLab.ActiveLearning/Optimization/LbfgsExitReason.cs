namespace AutoLab.ActiveLearning.Optimization;

/// <summary>Why <see cref="BoundedLbfgs"/> stopped.</summary>
public enum LbfgsExitReason
{
    /// <summary>The projected gradient's largest component fell below the tolerance: a (local) optimum within the bounds.</summary>
    GradientTolerance,

    /// <summary>An iteration improved f by less than the relative tolerance.</summary>
    FunctionTolerance,

    /// <summary>The iteration limit was reached.</summary>
    MaxIterations,

    /// <summary>No step along the search direction decreased f; the point is as good as this method gets.</summary>
    LineSearchFailed,

    /// <summary>f or its gradient was not finite at the start.</summary>
    NonFiniteStart,
}
