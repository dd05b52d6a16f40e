using System.Globalization;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Approval;

/// <summary>
/// The human's side of approval, used by <c>autolab pending</c> and <c>autolab approve</c>: reads what waits
/// from the journal, checks a decision against it, and leaves the decision for the running orchestrator.
/// </summary>
/// <remarks>
/// Every refusal is an <see cref="ApprovalException"/> naming the problem: a folder without a journal, a
/// campaign without approval, one that ended or is not running, no batch waiting, an unknown or already
/// decided batch.
/// </remarks>
/// <seealso cref="ApprovalPoller"/>
public static class ApprovalDesk
{
    /// <summary>A heartbeat older than this means no orchestrator is running the campaign (the poller beats about once a second).</summary>
    public static readonly TimeSpan LivenessLimit = TimeSpan.FromSeconds(5);

    /// <summary>Opens a run folder's journal and folds its approval history.</summary>
    /// <exception cref="ApprovalException">Not a run folder, no journal, or a journal that cannot be read.</exception>
    public static async Task<ApprovalLedger> ReadAsync(string runDirectory, CancellationToken ct = default)
    {
        try
        {
            RunFolder folder = RunFolder.OpenForReading(runDirectory);
            ApprovalLedger ledger = await ApprovalLedger.ReadAsync(folder.JournalPath, ct);
            if (ledger.Plan is null)
            {
                throw new ApprovalException($"the journal in '{folder.Root}' has no CampaignStarted entry: the campaign never started");
            }

            return ledger;
        }
        catch (Exception e) when (e is RunFolderException or JournalException)
        {
            throw new ApprovalException(e.Message, e);
        }
    }

    /// <summary>Checks a request against the ledger and builds the decision; refuses with a reason.</summary>
    /// <param name="ledger">What the journal says.</param>
    /// <param name="request">What the human asked for.</param>
    /// <param name="now">The decision's time.</param>
    /// <exception cref="ApprovalException">The request cannot apply.</exception>
    public static ApprovalDecision Decide(ApprovalLedger ledger, ApprovalRequest request, DateTimeOffset now)
    {
        if (ledger.Plan is { RequireApproval: false } plan)
        {
            throw new ApprovalException($"campaign '{plan.Name}' does not ask for approval (its spec has no `approval: true`)");
        }

        if (request.Batch is { } asked)
        {
            if (asked < 1 || asked > ledger.Batches.Count)
            {
                throw new ApprovalException(ledger.Batches.Count == 0
                    ? $"unknown batch {asked}: the campaign has not asked for approval yet"
                    : $"unknown batch {asked}: the journal has batches 1 to {ledger.Batches.Count}");
            }

            ApprovalBatch named = ledger.Batches[asked - 1];
            if (named.State != ApprovalBatchState.Waiting)
            {
                throw new ApprovalException($"batch {asked} is not waiting: {Describe(named)}");
            }
        }

        if (ledger.FinalEnd is { } end)
        {
            throw new ApprovalException($"the campaign has ended ({end.Outcome}: {end.Reason}); nothing waits for approval");
        }

        ApprovalBatch waiting = ledger.Waiting ?? throw new ApprovalException(ledger.Batches.Count == 0
            ? "no batch is waiting for approval: the campaign has not asked yet"
            : $"no batch is waiting for approval; the last, batch {ledger.Batches.Count}, {Describe(ledger.Batches[^1])}");

        return new ApprovalDecision
        {
            DecisionId = Guid.NewGuid(),
            CampaignId = ledger.CampaignId,
            Batch = waiting.Number,
            Approved = request.Approved,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            DecidedBy = request.User,
            DecidedAt = now,
        };
    }

    /// <summary>Refuses when no orchestrator has polled the folder recently, or a decision for the batch is already on its way.</summary>
    /// <exception cref="ApprovalException">Nobody would pick the decision up, or another decision is pending.</exception>
    public static void CheckDeliverable(ApprovalInbox inbox, ApprovalDecision decision, DateTimeOffset now)
    {
        ApprovalHeartbeat? beat = inbox.ReadHeartbeat();
        if (beat is null || now - beat.At > LivenessLimit)
        {
            string seen = beat is null ? "never" : $"last at {beat.At.ToString("u", CultureInfo.InvariantCulture)} (process {beat.ProcessId})";
            throw new ApprovalException(
                $"no orchestrator is running this campaign (its approval poller was seen {seen}); " +
                $"resume it with `autolab resume {Path.GetDirectoryName(inbox.Root)}` and approve the batch it asks for then");
        }

        if (inbox.ReadPending().FirstOrDefault(p => p.Decision.Batch == decision.Batch) is { } already)
        {
            throw new ApprovalException($"batch {decision.Batch} already has a decision on its way ({Path.GetFileName(already.Path)} by {already.Decision.DecidedBy})");
        }
    }

    /// <summary>One line on what became of a batch.</summary>
    public static string Describe(ApprovalBatch batch) => batch.State switch
    {
        ApprovalBatchState.Waiting => $"waits since {Time(batch.RequestedAt)} ({batch.Suggestions.Count} points)",
        ApprovalBatchState.Approved => $"was approved by {batch.Decision?.ApprovedBy} at {Time(batch.Decision?.Timestamp)}",
        ApprovalBatchState.Rejected => $"was rejected by {batch.Decision?.ApprovedBy} at {Time(batch.Decision?.Timestamp)}",
        _ => $"was superseded by {batch.ClosedBy} (journal entry {batch.ClosedBySequence}); the campaign asks again for points that still need approval",
    };

    static string Time(DateTimeOffset? at) => at?.ToString("u", CultureInfo.InvariantCulture) ?? "?";
}
