namespace AutoLab.Instruments.Hosting;

/// <summary>One device instance held by one command; dispose it to give the device back to its pool.</summary>
public sealed class InstrumentLease : IAsyncDisposable
{
    private readonly InstrumentLeasePool _pool;
    private bool _discard;
    private int _returned;

    internal InstrumentLease(InstrumentLeasePool pool, object device)
    {
        _pool = pool;
        Device = device;
    }

    /// <summary>The leased device instance.</summary>
    public object Device { get; }

    /// <summary>Marks the instance as unusable (e.g. it hung): it is disposed instead of reused.</summary>
    public void Discard() => _discard = true;

    /// <summary>Gives the device back (or disposes it when discarded) and frees the slot.</summary>
    /// <returns>A task that completes when the device is back.</returns>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(Device, _discard) : ValueTask.CompletedTask;
}
