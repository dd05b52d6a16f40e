namespace AutoLab.Instruments.Hosting;

/// <summary>The outcome handed back by <see cref="IIdempotencyStore"/>, and whether it was replayed rather than executed now.</summary>
/// <typeparam name="T">The completion event type.</typeparam>
/// <param name="Outcome">The outcome to publish.</param>
/// <param name="Replayed">True when this call did not execute: the outcome is a stored success or a concurrent duplicate's result.</param>
public sealed record IdempotentExecution<T>(StepOutcome<T> Outcome, bool Replayed)
    where T : class;
