using System.Collections.Concurrent;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Watch;

/// <summary>
/// What the CLI shows while a campaign runs: counts of finished experiments and the campaign's end,
/// fed by <see cref="CampaignWatchConsumer"/> from events on the bus.
/// </summary>
public sealed class CampaignWatch
{
    readonly ConcurrentDictionary<Guid, TaskCompletionSource<CampaignEnded>> _ends = new();
    int _completed;
    int _faulted;

    /// <summary>Experiments completed since this process started watching.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Experiments faulted since this process started watching.</summary>
    public int Faulted => Volatile.Read(ref _faulted);

    /// <summary>The most recent experiment fault, for the progress line.</summary>
    public string? LastFault { get; private set; }

    /// <summary>Completes when the campaign publishes <see cref="CampaignEnded"/>.</summary>
    public Task<CampaignEnded> EndOf(Guid campaignId) => Source(campaignId).Task;

    internal void OnCompleted() => Interlocked.Increment(ref _completed);

    internal void OnFaulted(ExperimentFaulted faulted)
    {
        Interlocked.Increment(ref _faulted);
        LastFault = $"experiment {faulted.Sequence}: {faulted.Reason}";
    }

    internal void OnEnded(CampaignEnded ended) => Source(ended.CampaignId).TrySetResult(ended);

    TaskCompletionSource<CampaignEnded> Source(Guid campaignId) =>
        _ends.GetOrAdd(campaignId, _ => new TaskCompletionSource<CampaignEnded>(TaskCreationOptions.RunContinuationsAsynchronously));
}
