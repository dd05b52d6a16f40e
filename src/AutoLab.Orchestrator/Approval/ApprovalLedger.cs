using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Approval;

/// <summary>
/// The approval history of a campaign, folded from its journal: every batch the campaign asked a human about,
/// which one (if any) waits now, and the decisions journaled.
/// </summary>
/// <remarks>
/// The campaign saga journals an ApprovalRequested entry each time it enters AwaitingApproval (also after a
/// pause, resume or restart), so batch n is simply the n-th such entry. A batch waits until the next
/// SuggestionsApproved (its decision) or until a CampaignPaused, CampaignResumed, CampaignEnded or CampaignRecovered entry,
/// after which the saga no longer listens for a decision on it.
/// </remarks>
/// <seealso cref="ApprovalDesk"/>
public sealed class ApprovalLedger
{
    static readonly HashSet<string> Kinds =
    [
        JournalKinds.CampaignStarted, JournalKinds.CampaignRecovered, JournalKinds.CampaignPaused, JournalKinds.CampaignResumed, JournalKinds.CampaignEnded,
        JournalKinds.ApprovalRequested, JournalKinds.SuggestionsApproved,
    ];

    readonly List<ApprovalBatch> _batches = [];
    readonly HashSet<string> _decisionKeys = new(StringComparer.Ordinal);

    ApprovalLedger()
    {
    }

    /// <summary>The campaign (from the first entry), or <see cref="Guid.Empty"/> for an empty journal.</summary>
    public Guid CampaignId { get; private set; }

    /// <summary>The compiled plan from CampaignStarted, or null when the journal has none.</summary>
    public CampaignPlan? Plan { get; private set; }

    /// <summary>The campaign's final end (Completed, Aborted, Faulted), or null while it can still run.</summary>
    public CampaignEnded? FinalEnd { get; private set; }

    /// <summary>Every batch, oldest first.</summary>
    public IReadOnlyList<ApprovalBatch> Batches => _batches;

    /// <summary>The batch the campaign waits on now, or null.</summary>
    public ApprovalBatch? Waiting => _batches.Count > 0 && _batches[^1].State == ApprovalBatchState.Waiting ? _batches[^1] : null;

    /// <summary>Whether the saga journaled a decision with this idempotency key.</summary>
    public bool HasDecision(string idempotencyKey) => _decisionKeys.Contains(idempotencyKey);

    /// <summary>Folds journal entries (any order; sorted by sequence here) into the ledger.</summary>
    /// <param name="entries">The campaign's journal entries; kinds other than the approval and control ones are skipped unread.</param>
    public static ApprovalLedger Build(IEnumerable<JournalEntry> entries)
    {
        var ledger = new ApprovalLedger();
        foreach (JournalEntry entry in entries.OrderBy(e => e.Sequence))
        {
            if (ledger.CampaignId == Guid.Empty)
            {
                ledger.CampaignId = entry.CampaignId;
            }

            if (Kinds.Contains(entry.Kind))
            {
                ledger.Apply(entry);
            }
        }

        return ledger;
    }

    /// <summary>Reads a journal file (beside a live orchestrator or after a crash) and folds it.</summary>
    /// <param name="journalPath">Path of <c>journal.db</c>.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="JournalException">No journal there, or not a journal.</exception>
    public static async Task<ApprovalLedger> ReadAsync(string journalPath, CancellationToken ct = default) =>
        Build(await SqliteJournalReader.ReadListAsync(journalPath, ct));

    void Apply(JournalEntry entry)
    {
        switch (entry.Kind)
        {
            case JournalKinds.CampaignStarted:
                Plan ??= entry.ReadPayload<StartCampaign>().Plan;
                break;
            case JournalKinds.ApprovalRequested:
                var waiting = entry.ReadPayload<SuggestionsAwaitingApproval>();
                if (Waiting is { } open)
                {
                    // A re-request while still waiting (nothing closed the batch): the same batch, newest points.
                    _batches[^1] = open with { Suggestions = waiting.Suggestions };
                }
                else
                {
                    _batches.Add(new ApprovalBatch { Number = _batches.Count + 1, RequestedAt = entry.Timestamp, Suggestions = waiting.Suggestions });
                }

                break;
            case JournalKinds.SuggestionsApproved:
                var decision = entry.ReadPayload<ApproveSuggestions>();
                _decisionKeys.Add(decision.IdempotencyKey);
                Close(entry, decision.Approved ? ApprovalBatchState.Approved : ApprovalBatchState.Rejected, decision);
                break;
            case JournalKinds.CampaignEnded:
                var ended = entry.ReadPayload<CampaignEnded>();
                if (ended.Outcome != CampaignOutcome.Halted)
                {
                    FinalEnd = ended;
                }

                Close(entry, ApprovalBatchState.Superseded, null);
                break;
            default:
                // CampaignPaused, CampaignResumed (after a pause that had not drained yet), CampaignRecovered: the saga stops listening for a decision on the open batch.
                Close(entry, ApprovalBatchState.Superseded, null);
                break;
        }
    }

    void Close(JournalEntry entry, ApprovalBatchState state, ApproveSuggestions? decision)
    {
        if (Waiting is { } open)
        {
            _batches[^1] = open with { State = state, Decision = decision, ClosedBy = entry.Kind, ClosedBySequence = entry.Sequence };
        }
    }
}
