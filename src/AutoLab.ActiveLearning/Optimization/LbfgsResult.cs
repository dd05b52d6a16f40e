namespace AutoLab.ActiveLearning.Optimization;

/// <summary>The outcome of a <see cref="BoundedLbfgs"/> run.</summary>
public sealed record LbfgsResult
{
    /// <summary>The best point found, within the bounds.</summary>
    public required double[] Point { get; init; }

    /// <summary>f at <see cref="Point"/>.</summary>
    public required double Value { get; init; }

    /// <summary>Iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>Calls of the function: with the gradient, plus value-only trials when <see cref="LbfgsOptions.ValueOnlyTrials"/> is set.</summary>
    public required int Evaluations { get; init; }

    /// <summary>Why it stopped.</summary>
    public required LbfgsExitReason ExitReason { get; init; }

    /// <summary>True when it stopped on a tolerance rather than a limit or failure.</summary>
    public bool Converged => ExitReason is LbfgsExitReason.GradientTolerance or LbfgsExitReason.FunctionTolerance;
}
