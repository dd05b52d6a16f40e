using AutoLab.Contracts.Orchestration;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoLab.Orchestrator.Approval;

/// <summary>
/// Runs in the orchestrator: every <see cref="PollInterval"/> it looks for decisions that <c>autolab approve</c>
/// left in the run folder and publishes each as <see cref="ApproveSuggestions"/> on this process's bus, where
/// the campaign saga journals and applies it.
/// </summary>
/// <remarks>
/// <para>The default bus is in memory, so a human in another terminal cannot reach the saga through it; the run
/// folder is what both processes share. The same path works with RabbitMQ, since the message is published
/// on whichever bus this process runs.</para>
/// <para>The poller is idle unless the journal's plan asks for approval. A decision is published once, and
/// only while its batch is the one waiting; once the journal shows the decision it moves to <c>applied/</c>,
/// and if its batch stopped waiting first (a pause, halt or restart) it moves to <c>stale/</c>. At most one
/// decision per batch is in flight, so a second human's decision cannot land on the next batch.</para>
/// </remarks>
/// <seealso cref="ApprovalDesk"/>
public sealed partial class ApprovalPoller(string journalPath, IBus bus, TimeProvider clock, ILogger<ApprovalPoller> logger) : BackgroundService
{
    /// <summary>How often the poller looks; a decision is picked up within this time plus the journal read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(1);

    readonly ApprovalInbox _inbox = new(Path.GetDirectoryName(Path.GetFullPath(journalPath))!);
    readonly Dictionary<Guid, int> _published = [];
    DateTimeOffset _lastBeat = DateTimeOffset.MinValue;
    bool? _approvalOn;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (!await PollAsync(stoppingToken))
                    {
                        return; // the campaign does not use approval: nothing to watch
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed look (a journal read racing a checkpoint, a broker hiccup on publish) must never
                    // stop the host, which is what an exception escaping a BackgroundService does: try again next tick.
                    LogPollFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    /// <summary>One look at the inbox; false when the campaign turned out not to need approval.</summary>
    internal async Task<bool> PollAsync(CancellationToken ct)
    {
        if (_approvalOn is null)
        {
            if (!File.Exists(journalPath))
            {
                return true;
            }

            ApprovalLedger first = await ApprovalLedger.ReadAsync(journalPath, ct);
            if (first.Plan is null)
            {
                return true; // the campaign has not started yet
            }

            _approvalOn = first.Plan.RequireApproval;
        }

        if (_approvalOn == false)
        {
            return false;
        }

        DateTimeOffset now = clock.GetUtcNow();
        if (now - _lastBeat >= BeatInterval)
        {
            _inbox.Beat(now);
            _lastBeat = now;
        }

        IReadOnlyList<PendingDecision> pending = _inbox.ReadPending();
        if (pending.Count == 0)
        {
            return true;
        }

        ApprovalLedger ledger = await ApprovalLedger.ReadAsync(journalPath, ct);
        foreach (PendingDecision item in pending)
        {
            await HandleAsync(ledger, item, ct);
        }

        return true;
    }

    async Task HandleAsync(ApprovalLedger ledger, PendingDecision item, CancellationToken ct)
    {
        ApprovalDecision decision = item.Decision;
        if (ledger.HasDecision(decision.IdempotencyKey))
        {
            _inbox.MarkApplied(item);
            _published.Remove(decision.DecisionId);
            LogApplied(logger, decision.Batch, decision.Approved ? "approved" : "rejected", decision.DecidedBy);
            return;
        }

        ApprovalBatch? waiting = ledger.Waiting;
        bool batchWaits = decision.CampaignId == ledger.CampaignId && waiting?.Number == decision.Batch;
        if (!batchWaits)
        {
            _inbox.MarkStale(item);
            _published.Remove(decision.DecisionId);
            LogStale(logger, decision.Batch, waiting?.Number);
            return;
        }

        if (_published.ContainsKey(decision.DecisionId) || _published.ContainsValue(decision.Batch))
        {
            return; // already on its way, or another decision for this batch is: wait for the journal
        }

        _published[decision.DecisionId] = decision.Batch;
        await bus.Publish(new ApproveSuggestions
        {
            CampaignId = decision.CampaignId,
            IdempotencyKey = decision.IdempotencyKey,
            Timestamp = decision.DecidedAt,
            Approved = decision.Approved,
            ApprovedBy = decision.DecidedByWithReason,
        }, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "approval poller: {Problem}")]
    static partial void LogPollFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Batch} {Decision} by {User}")]
    static partial void LogApplied(ILogger logger, int batch, string decision, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "a decision for batch {Batch} arrived when it no longer waited (waiting now: {Waiting}); filed as stale")]
    static partial void LogStale(ILogger logger, int batch, int? waiting);
}
