namespace AutoLab.Instruments.Hosting;

/// <summary>Makes a command with a given idempotency key run at most once successfully.</summary>
/// <remarks>
/// A key whose execution succeeded is not executed again: its stored outcome is returned for
/// re-publication. A call for a key already in progress waits for that execution and returns its
/// outcome, success or fault. Faulted outcomes are not stored, so a later retry executes again.
/// <seealso cref="InMemoryIdempotencyStore"/>
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>Runs <paramref name="execute"/> unless the key already succeeded or is in progress.</summary>
    /// <typeparam name="T">The completion event type; one key is always used with the same type.</typeparam>
    /// <param name="key">Idempotency key (ordinal comparison).</param>
    /// <param name="execute">Serves the command.</param>
    /// <param name="cancellationToken">Cancels waiting and execution.</param>
    /// <returns>The outcome and whether it was replayed.</returns>
    Task<IdempotentExecution<T>> ExecuteOnceAsync<T>(
        string key,
        Func<CancellationToken, Task<StepOutcome<T>>> execute,
        CancellationToken cancellationToken)
        where T : class;
}
