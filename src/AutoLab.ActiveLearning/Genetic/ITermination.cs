namespace AutoLab.ActiveLearning.Genetic;

/// <summary>When a run should stop, as progress in [0, 1]; the run stops when progress reaches 1.</summary>
/// <remarks>
/// Progress lets a caller show how far a run is (pymoo, GeneticSharp). Combine criteria with
/// <see cref="Termination.Any"/> (stop at the first) and <see cref="Termination.All"/> (stop when every one holds).
/// </remarks>
public interface ITermination
{
    /// <summary>How far the run is towards this criterion.</summary>
    /// <param name="progress">The run's state after a generation.</param>
    /// <returns>A value in [0, 1]; 1 means stop.</returns>
    double Progress(OptimizationProgress progress);

    /// <summary>The reason to report when this criterion stops a run.</summary>
    /// <param name="progress">The run's state when it stopped.</param>
    /// <returns>The exit reason.</returns>
    ExitReason Reason(OptimizationProgress progress);

    /// <summary>A sentence for the result's message, e.g. "reached 250 generations".</summary>
    /// <param name="progress">The run's state when it stopped.</param>
    /// <returns>The message.</returns>
    string Describe(OptimizationProgress progress);
}
