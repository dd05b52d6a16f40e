namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Where a run stands, as a termination criterion sees it after each generation.</summary>
/// <param name="Generation">Generations told so far (the initial population is generation 1).</param>
/// <param name="Evaluations">Objective evaluations so far.</param>
/// <param name="Elapsed">Wall time since the run started.</param>
/// <param name="BestObjective">Best feasible objective so far for a single-objective run; NaN for multi-objective runs or when none is feasible.</param>
public readonly record struct OptimizationProgress(int Generation, long Evaluations, TimeSpan Elapsed, double BestObjective);
