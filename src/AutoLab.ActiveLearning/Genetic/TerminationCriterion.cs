namespace AutoLab.ActiveLearning.Genetic;

/// <summary>A termination criterion made of a progress function, a reason and a message; the built-ins of <see cref="Termination"/>.</summary>
/// <param name="progress">Progress from the run's state; clamped to [0, 1].</param>
/// <param name="reason">The exit reason it reports.</param>
/// <param name="describe">The message it reports.</param>
internal sealed class TerminationCriterion(Func<OptimizationProgress, double> progress, ExitReason reason, Func<OptimizationProgress, string> describe) : ITermination
{
    public double Progress(OptimizationProgress state) => Math.Clamp(progress(state), 0.0, 1.0);

    public ExitReason Reason(OptimizationProgress state) => reason;

    public string Describe(OptimizationProgress state) => describe(state);
}
