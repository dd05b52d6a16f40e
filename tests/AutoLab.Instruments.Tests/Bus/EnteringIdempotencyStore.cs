using AutoLab.Instruments.Hosting;

namespace AutoLab.Instruments.Tests.Bus;

/// <summary>The real in-memory store, signalling each call as it enters, so a test knows both duplicates have arrived.</summary>
public sealed class EnteringIdempotencyStore : IIdempotencyStore
{
    private readonly InMemoryIdempotencyStore _inner = new();
    private readonly SemaphoreSlim _entered = new(0);

    public Task<IdempotentExecution<T>> ExecuteOnceAsync<T>(string key, Func<CancellationToken, Task<StepOutcome<T>>> execute, CancellationToken cancellationToken)
        where T : class
    {
        _entered.Release();
        return _inner.ExecuteOnceAsync(key, execute, cancellationToken);
    }

    public async Task WaitForEntriesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _entered.WaitAsync(TimeSpan.FromSeconds(10)), $"only {i} of {count} commands reached the idempotency store");
        }
    }
}
