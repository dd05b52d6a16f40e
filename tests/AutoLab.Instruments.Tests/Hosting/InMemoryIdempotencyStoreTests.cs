using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>The store runs a key once successfully, shares an in-progress run with duplicates and forgets faults and old keys.</summary>
public sealed class InMemoryIdempotencyStoreTests
{
    private int _executions;

    private static StepFaulted Fault(string key) => new()
    {
        CampaignId = Guid.Empty,
        ExperimentId = Guid.Empty,
        IdempotencyKey = key,
        Timestamp = DateTimeOffset.UnixEpoch,
        Step = ExperimentStep.Measure,
        Kind = StepFaultKind.DeviceError,
        Reason = "motor stalled",
    };

    private Func<CancellationToken, Task<StepOutcome<string>>> Succeeds(string result) => _ =>
    {
        Interlocked.Increment(ref _executions);
        return Task.FromResult(new StepOutcome<string>(result));
    };

    [Fact]
    public async Task A_key_that_succeeded_is_not_executed_again_and_its_result_is_returned()
    {
        var store = new InMemoryIdempotencyStore();

        var first = await store.ExecuteOnceAsync("k", Succeeds("first"), CancellationToken.None);
        var second = await store.ExecuteOnceAsync("k", Succeeds("second"), CancellationToken.None);

        Assert.Equal(1, _executions);
        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal("first", second.Outcome.Result);
    }

    [Fact]
    public async Task A_faulted_execution_is_not_stored_so_a_retry_runs_again()
    {
        var store = new InMemoryIdempotencyStore();

        var failed = await store.ExecuteOnceAsync("k", _ => Task.FromResult(new StepOutcome<string>(Fault("k"))), CancellationToken.None);
        var retried = await store.ExecuteOnceAsync("k", Succeeds("ok"), CancellationToken.None);

        Assert.False(failed.Outcome.Succeeded);
        Assert.False(retried.Replayed);
        Assert.Equal("ok", retried.Outcome.Result);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_concurrent_duplicate_waits_for_the_first_and_gets_its_outcome()
    {
        var store = new InMemoryIdempotencyStore();
        var gate = new TaskCompletionSource<StepOutcome<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = store.ExecuteOnceAsync("k", _ => { Interlocked.Increment(ref _executions); return gate.Task; }, CancellationToken.None);

        var duplicate = store.ExecuteOnceAsync("k", Succeeds("duplicate"), CancellationToken.None);

        Assert.False(duplicate.IsCompleted, "the duplicate must wait while the first is in progress");
        gate.SetResult(new StepOutcome<string>("first"));
        var results = await Task.WhenAll(first, duplicate).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _executions);
        Assert.Equal(["first", "first"], results.Select(r => r.Outcome.Result));
        Assert.Equal([false, true], results.Select(r => r.Replayed));
    }

    [Fact]
    public async Task A_concurrent_duplicate_of_a_faulting_run_gets_the_fault()
    {
        var store = new InMemoryIdempotencyStore();
        var gate = new TaskCompletionSource<StepOutcome<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = store.ExecuteOnceAsync("k", _ => gate.Task, CancellationToken.None);
        var duplicate = store.ExecuteOnceAsync("k", Succeeds("duplicate"), CancellationToken.None);

        gate.SetResult(new StepOutcome<string>(Fault("k")));

        var shared = await duplicate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same((await first).Outcome.Fault, shared.Outcome.Fault);
        Assert.Equal(0, _executions);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task A_duplicate_runs_itself_when_the_first_run_is_cancelled()
    {
        var store = new InMemoryIdempotencyStore();
        using var stopping = new CancellationTokenSource();
        var first = store.ExecuteOnceAsync<string>("k", async ct => { await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException("unreachable"); }, stopping.Token);
        var duplicate = store.ExecuteOnceAsync("k", Succeeds("duplicate"), CancellationToken.None);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var result = await duplicate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("duplicate", result.Outcome.Result);
        Assert.False(result.Replayed);
    }

    [Fact]
    public async Task The_least_recently_used_key_is_forgotten_past_the_capacity()
    {
        var store = new InMemoryIdempotencyStore(capacity: 2);
        await store.ExecuteOnceAsync("a", Succeeds("a"), CancellationToken.None);
        await store.ExecuteOnceAsync("b", Succeeds("b"), CancellationToken.None);
        await store.ExecuteOnceAsync("a", Succeeds("a again"), CancellationToken.None);

        await store.ExecuteOnceAsync("c", Succeeds("c"), CancellationToken.None);
        var b = await store.ExecuteOnceAsync("b", Succeeds("b again"), CancellationToken.None);
        var a = await store.ExecuteOnceAsync("a", Succeeds("a third"), CancellationToken.None);

        Assert.Equal(2, store.Count);
        Assert.False(b.Replayed, "'b' was least recently used when 'c' arrived, so it was forgotten and runs again");
        Assert.Equal("b again", b.Outcome.Result);
        Assert.False(a.Replayed, "re-running 'b' evicted 'a' in turn (c and b are newer)");
    }
}
