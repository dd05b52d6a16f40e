using System.Collections.Concurrent;

namespace AutoLab.Simulators.Synthesis;

/// <summary>
/// The simulated lab's sample shelf: the synthesis robot puts samples here and the diffractometer looks
/// them up by sample id, as a real lab passes a physical sample from one station to the next.
/// </summary>
/// <remarks>Thread-safe. Keeps the <see cref="Capacity"/> most recent samples; older ones are dropped first.</remarks>
public sealed class SampleStore
{
    private readonly ConcurrentDictionary<string, SynthesizedSample> _samples = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Creates a store.</summary>
    /// <param name="capacity">Most samples kept.</param>
    public SampleStore(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most samples kept.</summary>
    public int Capacity { get; }

    /// <summary>Number of samples held.</summary>
    public int Count => _samples.Count;

    /// <summary>Puts a sample on the shelf, replacing one with the same id.</summary>
    /// <param name="sample">The sample.</param>
    public void Add(SynthesizedSample sample)
    {
        if (_samples.TryAdd(sample.SampleId, sample))
        {
            _order.Enqueue(sample.SampleId);
            while (_samples.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _samples.TryRemove(oldest, out _);
            }
        }
        else
        {
            _samples[sample.SampleId] = sample;
        }
    }

    /// <summary>Finds a sample.</summary>
    /// <param name="sampleId">Its id.</param>
    /// <param name="sample">The sample, when found.</param>
    /// <returns>Whether it is on the shelf.</returns>
    public bool TryGet(string sampleId, out SynthesizedSample sample) => _samples.TryGetValue(sampleId, out sample!);
}
