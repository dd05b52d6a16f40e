namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Why an optimization run ended.</summary>
public enum ExitReason
{
    /// <summary>The generation limit was reached.</summary>
    MaxGenerations,

    /// <summary>The evaluation limit was reached.</summary>
    MaxEvaluations,

    /// <summary>The wall-clock limit was reached.</summary>
    TimeLimit,

    /// <summary>The best objective reached the target value.</summary>
    TargetReached,

    /// <summary>The caller cancelled the run.</summary>
    Cancelled,
}
