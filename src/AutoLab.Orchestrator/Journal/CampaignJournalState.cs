using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>
/// The campaign as its journal describes it: one pass over the entries that replay, the CSV export and
/// the summary all read from.
/// </summary>
internal sealed class CampaignJournalState
{
    private readonly Dictionary<Guid, ExperimentRecord> _experiments = [];
    private readonly Queue<ParameterPoint> _unstarted = new();
    private readonly HashSet<Guid> _consumedSuggestion = [];
    private readonly string _source;

    private CampaignJournalState(string source) => _source = source;

    public Guid CampaignId { get; private set; }

    /// <summary>The first CampaignStarted payload, or null when the journal has none.</summary>
    public StartCampaign? Start { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Points received from the active-learning service so far, discarded ones included.</summary>
    public int SuggestionCount { get; private set; }

    /// <summary>Received points not yet started nor discarded, in the order they will start.</summary>
    public IReadOnlyCollection<ParameterPoint> UnstartedSuggestions => _unstarted;

    /// <summary>Kind of the last CampaignStarted/Recovered/Paused/Resumed/Ended entry.</summary>
    public string? LastControlKind { get; private set; }

    /// <summary>Payload of that entry.</summary>
    public object? LastControlPayload { get; private set; }

    /// <summary>The last CampaignEnded whose outcome is final (Completed, Aborted, Faulted), or null.</summary>
    public CampaignEnded? FinalEnd { get; private set; }

    public int EntryCount { get; private set; }

    public long LastSequence { get; private set; }

    public DateTimeOffset? LastTimestamp { get; private set; }

    public IEnumerable<ExperimentRecord> Experiments => _experiments.Values;

    /// <summary>Whether the last control entry leaves the campaign paused (a pause, a halt, or a recovery that came back paused).</summary>
    public bool Paused => LastControlPayload switch
    {
        CampaignPaused => true,
        CampaignEnded ended => ended.Outcome == CampaignOutcome.Halted,
        RecoverCampaign recovered => recovered.Paused,
        _ => false,
    };

    /// <summary>Folds entries (in sequence order) into the campaign's state.</summary>
    /// <param name="entries">The journal's entries.</param>
    /// <param name="source">Names the journal in error messages, e.g. "the journal '/runs/a/journal.db'".</param>
    public static CampaignJournalState Build(IEnumerable<JournalEntry> entries, string source = "the journal")
    {
        var state = new CampaignJournalState(source);
        foreach (JournalEntry entry in entries.OrderBy(e => e.Sequence))
        {
            state.Apply(entry);
        }

        return state;
    }

    /// <summary>The CampaignStarted payload; fails clearly when the journal has none.</summary>
    public StartCampaign RequireStart() =>
        Start ?? throw new JournalException(EntryCount == 0
            ? $"{Capitalized(_source)} is empty: the campaign never started, so there is nothing to resume or report."
            : $"{Capitalized(_source)} has no {JournalKinds.CampaignStarted} entry among its {EntryCount} entries, so the campaign's plan is unknown.");

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private void Apply(JournalEntry entry)
    {
        CheckCampaign(entry);
        EntryCount++;
        LastSequence = entry.Sequence;
        LastTimestamp = LastTimestamp is { } last && last > entry.Timestamp ? last : entry.Timestamp;

        object payload = entry.ReadPayload();
        switch (payload)
        {
            case StartCampaign start:
                if (Start is null)
                {
                    Start = start;
                    StartedAt = entry.Timestamp;
                }

                SetControl(entry.Kind, start);
                break;
            case RecoverCampaign recover:
                SetControl(entry.Kind, recover);
                break;
            case CampaignPaused paused:
                SetControl(entry.Kind, paused);
                break;
            case ResumeCampaign resume:
                SetControl(entry.Kind, resume);
                break;
            case CampaignEnded ended:
                SetControl(entry.Kind, ended);
                if (ended.Outcome != CampaignOutcome.Halted)
                {
                    FinalEnd = ended;
                }

                break;
            case ExperimentsSuggested suggested:
                SuggestionCount += suggested.Suggestions.Count;
                foreach (ParameterPoint point in suggested.Suggestions)
                {
                    _unstarted.Enqueue(point);
                }

                break;
            case SuggestionsDiscarded discarded:
                Dequeue(discarded.Count);
                break;
            default:
                ExperimentEntries.Apply(this, entry.Sequence, payload);
                break;
        }
    }

    /// <summary>Record for an experiment, created on its first entry whichever kind that is.</summary>
    /// <summary>Calibration measurements (sequence 0) seen in the journal; they are not campaign experiments.</summary>
    internal HashSet<Guid> Calibrations { get; } = [];

    internal ExperimentRecord Experiment(Guid experimentId)
    {
        if (!_experiments.TryGetValue(experimentId, out ExperimentRecord? record))
        {
            record = new ExperimentRecord(experimentId);
            _experiments.Add(experimentId, record);
        }

        return record;
    }

    /// <summary>An experiment start takes the first queued suggestion, once per experiment (a re-journaled restart takes none).</summary>
    internal void ConsumeSuggestion(Guid experimentId)
    {
        if (_consumedSuggestion.Add(experimentId))
        {
            Dequeue(1);
        }
    }

    private void Dequeue(int count)
    {
        for (int i = 0; i < count && _unstarted.Count > 0; i++)
        {
            _unstarted.Dequeue();
        }
    }

    private void SetControl(string kind, object payload)
    {
        LastControlKind = kind;
        LastControlPayload = payload;
    }

    private void CheckCampaign(JournalEntry entry)
    {
        if (EntryCount == 0)
        {
            CampaignId = entry.CampaignId;
        }
        else if (entry.CampaignId != CampaignId)
        {
            throw new JournalException(
                $"{Capitalized(_source)} mixes campaigns: entry {entry.Sequence} belongs to campaign {entry.CampaignId}, " +
                $"earlier entries to {CampaignId}. A run folder holds one campaign.");
        }
    }
}
