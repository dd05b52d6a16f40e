namespace AutoLab.Instruments.Hosting;

/// <summary>An <see cref="IIdempotencyStore"/> in process memory, holding the most recently used successful outcomes.</summary>
/// <remarks>
/// The bound (<see cref="DefaultCapacity"/> unless given) counts stored successes; when it is reached the
/// least recently used one is forgotten, so a duplicate of a very old command would run again. Keys in
/// progress are not counted: there are at most as many as the instruments' capacities allow. The store
/// lives as long as the process; after a restart the orchestrator's journal is what prevents repeats.
/// </remarks>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    /// <summary>Successful outcomes kept when no capacity is given.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Stored>> _completed = new(StringComparer.Ordinal);
    private readonly LinkedList<Stored> _recency = new();
    private readonly Dictionary<string, Task<object>> _inProgress = new(StringComparer.Ordinal);

    /// <summary>Creates a store that keeps <see cref="DefaultCapacity"/> outcomes.</summary>
    public InMemoryIdempotencyStore()
        : this(DefaultCapacity)
    {
    }

    /// <summary>Creates a store that keeps <paramref name="capacity"/> outcomes.</summary>
    /// <param name="capacity">Most successful outcomes kept (at least 1).</param>
    public InMemoryIdempotencyStore(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most successful outcomes kept.</summary>
    public int Capacity { get; }

    /// <summary>Successful outcomes stored now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _completed.Count;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IdempotentExecution<T>> ExecuteOnceAsync<T>(
        string key,
        Func<CancellationToken, Task<StepOutcome<T>>> execute,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        while (true)
        {
            TaskCompletionSource<object>? mine = null;
            Task<object>? running;
            lock (_gate)
            {
                if (_completed.TryGetValue(key, out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return new IdempotentExecution<T>(Cast<T>(key, node.Value.Outcome), Replayed: true);
                }

                if (!_inProgress.TryGetValue(key, out running))
                {
                    mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _inProgress[key] = mine.Task;
                }
            }

            if (mine is null)
            {
                try
                {
                    var other = await running!.WaitAsync(cancellationToken);
                    return new IdempotentExecution<T>(Cast<T>(key, other), Replayed: true);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The first execution ended without an outcome (its consumer was cancelled or crashed):
                    // nothing was stored, so loop and execute this duplicate ourselves.
                    continue;
                }
            }

            return await ExecuteAsync(key, mine, execute, cancellationToken);
        }
    }

    private static StepOutcome<T> Cast<T>(string key, object outcome)
        where T : class =>
        outcome as StepOutcome<T> ?? throw new InvalidOperationException(
            $"idempotency key '{key}' was used for a {outcome.GetType().GenericTypeArguments.FirstOrDefault()?.Name} result, not {typeof(T).Name}");

    private async Task<IdempotentExecution<T>> ExecuteAsync<T>(
        string key,
        TaskCompletionSource<object> mine,
        Func<CancellationToken, Task<StepOutcome<T>>> execute,
        CancellationToken cancellationToken)
        where T : class
    {
        StepOutcome<T> outcome;
        try
        {
            outcome = await execute(cancellationToken);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _inProgress.Remove(key);
            }

            mine.SetException(ex);

            // Mark the exception observed: waiters may not exist, and the caller sees it rethrown.
            _ = mine.Task.Exception;
            throw;
        }

        lock (_gate)
        {
            _inProgress.Remove(key);
            if (outcome.Succeeded)
            {
                Store(key, outcome);
            }
        }

        mine.SetResult(outcome);
        return new IdempotentExecution<T>(outcome, Replayed: false);
    }

    private void Store(string key, object outcome)
    {
        _completed[key] = _recency.AddFirst(new Stored(key, outcome));
        while (_completed.Count > Capacity)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _completed.Remove(oldest.Value.Key);
        }
    }

    private sealed record Stored(string Key, object Outcome);
}
