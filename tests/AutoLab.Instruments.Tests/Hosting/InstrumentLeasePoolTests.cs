using AutoLab.Instruments.Hosting;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>The lease pool lets at most Capacity commands hold a device, reuses instances and replaces discarded ones.</summary>
public sealed class InstrumentLeasePoolTests
{
    private int _made;

    private InstrumentLeasePool Pool(int capacity) => new("xrd", capacity, () => new Instance(Interlocked.Increment(ref _made)));

    [Fact]
    public async Task A_lease_beyond_capacity_waits_until_one_is_given_back()
    {
        await using var pool = Pool(2);
        var first = await pool.AcquireAsync(CancellationToken.None);
        var second = await pool.AcquireAsync(CancellationToken.None);

        var third = pool.AcquireAsync(CancellationToken.None);

        Assert.False(third.IsCompleted, "two leases are out and the capacity is 2, so the third must wait");
        Assert.Equal(2, pool.InUse);
        await first.DisposeAsync();
        var lease = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(first.Device, lease.Device);
        await second.DisposeAsync();
        await lease.DisposeAsync();
        Assert.Equal(0, pool.InUse);
    }

    [Fact]
    public async Task Devices_are_made_lazily_and_reused()
    {
        await using var pool = Pool(3);

        for (var i = 0; i < 5; i++)
        {
            await using var lease = await pool.AcquireAsync(CancellationToken.None);
        }

        Assert.Equal(1, _made);
    }

    [Fact]
    public async Task A_discarded_device_is_disposed_and_replaced()
    {
        await using var pool = Pool(1);
        var lease = await pool.AcquireAsync(CancellationToken.None);
        var hung = (Instance)lease.Device;

        lease.Discard();
        await lease.DisposeAsync();
        await using var next = await pool.AcquireAsync(CancellationToken.None);

        Assert.True(hung.Disposed);
        Assert.NotSame(hung, next.Device);
        Assert.Equal(2, _made);
    }

    [Fact]
    public async Task A_cancelled_wait_does_not_take_a_slot()
    {
        await using var pool = Pool(1);
        var held = await pool.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pool.AcquireAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();
        await using var again = await pool.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, pool.InUse);
    }

    private sealed class Instance(int number) : IDisposable
    {
        public int Number { get; } = number;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
