namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>What <see cref="HyperparameterSearch.Run"/> found.</summary>
/// <param name="Best">The best log hyperparameters, or null when no start gave a finite likelihood.</param>
/// <param name="Value">The minimised objective there (negative log likelihood plus log prior), nats.</param>
/// <param name="Evaluations">Likelihood evaluations on the fit data.</param>
/// <param name="SubsetEvaluations">Likelihood evaluations on the warm-start subset.</param>
internal sealed record SearchResult(double[]? Best, double Value, int Evaluations, int SubsetEvaluations);
