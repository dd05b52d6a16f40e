using System.Collections.Concurrent;

namespace AutoLab.Instruments.Tests.Doubles;

/// <summary>What every <see cref="RecordingDevice"/> of one test did, shared across instances.</summary>
public sealed class DeviceLog
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly SemaphoreSlim _triggerEntered = new(0);
    private int _active;
    private int _maxActive;
    private int _instances;

    public IReadOnlyList<string> Calls => [.. _calls];

    public int Instances => Volatile.Read(ref _instances);

    /// <summary>Devices inside trigger right now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Most devices inside trigger at once so far.</summary>
    public int MaxActive => Volatile.Read(ref _maxActive);

    public int Count(string call) => _calls.Count(c => c == call);

    /// <summary>Waits until <paramref name="count"/> more triggers have started.</summary>
    public async Task WaitForTriggersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _triggerEntered.WaitAsync(TimeSpan.FromSeconds(10)), $"only {i} of {count} triggers started within 10 s");
        }
    }

    internal void Record(string call) => _calls.Enqueue(call);

    internal void InstanceCreated() => Interlocked.Increment(ref _instances);

    internal void EnterTrigger()
    {
        var now = Interlocked.Increment(ref _active);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, now, seen) != seen)
        {
        }

        Record("trigger");
        _triggerEntered.Release();
    }

    internal void LeaveTrigger() => Interlocked.Decrement(ref _active);
}
