namespace AutoLab.Instruments.Hosting;

/// <summary>
/// The device instances of one instrument: at most <see cref="Capacity"/> commands hold one at a time,
/// each for its whole duration.
/// </summary>
/// <remarks>
/// Instances are made lazily by the factory and reused. An instance whose lease is discarded (it hung past
/// its time limit) is disposed and a fresh one is made when next needed, so a hung device never blocks the
/// instrument for good. <seealso cref="InstrumentLease"/>
/// </remarks>
public sealed class InstrumentLeasePool : IAsyncDisposable
{
    private readonly Func<object> _factory;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private readonly Stack<object> _idle = new();
    private int _inUse;
    private bool _disposed;

    /// <summary>Creates a pool.</summary>
    /// <param name="instrument">Instrument name, for messages.</param>
    /// <param name="capacity">Most leases out at once (at least 1).</param>
    /// <param name="factory">Makes one device instance.</param>
    public InstrumentLeasePool(string instrument, int capacity, Func<object> factory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Instrument = instrument;
        Capacity = capacity;
        _factory = factory;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Instrument the pool serves.</summary>
    public string Instrument { get; }

    /// <summary>Most leases out at once.</summary>
    public int Capacity { get; }

    /// <summary>Leases out now.</summary>
    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>Waits for a free slot and leases a device instance.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; dispose it to give the device back.</returns>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public async Task<InstrumentLease> AcquireAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            object? device;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _idle.TryPop(out device);
            }

            device ??= _factory() ?? throw new InvalidOperationException($"instrument '{Instrument}': the device factory returned null");
            Interlocked.Increment(ref _inUse);
            return new InstrumentLease(this, device);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Disposes the idle device instances; leased ones are disposed when given back.</summary>
    /// <returns>A task that completes when the idle instances are disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        object[] idle;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var device in idle)
        {
            await DisposeDeviceAsync(device);
        }
    }

    internal async ValueTask ReturnAsync(object device, bool discard)
    {
        var dispose = discard;
        lock (_gate)
        {
            if (_disposed)
            {
                dispose = true;
            }
            else if (!discard)
            {
                _idle.Push(device);
            }
        }

        Interlocked.Decrement(ref _inUse);
        _slots.Release();
        if (dispose)
        {
            await DisposeDeviceAsync(device);
        }
    }

    private static async ValueTask DisposeDeviceAsync(object device)
    {
        switch (device)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
