using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.Journal;

/// <summary>
/// Writes what a campaign's sagas would journal, through the typed helpers, into a real journal file;
/// each fact one second after the previous one.
/// </summary>
public sealed class JournalScript(string journalPath, CampaignPlan plan) : IAsyncDisposable
{
    private int _experiments;
    private int _controls;

    public Guid CampaignId { get; } = Guid.NewGuid();

    public CampaignPlan Plan { get; } = plan;

    public ManualClock Clock { get; } = new();

    public string DataDirectory { get; } = "/runs/test/data";

    public SqliteCampaignJournal Journal { get; } = SqliteCampaignJournal.Open(journalPath);

    public async Task StartAsync() =>
        await Journal.AppendCampaignStartedAsync(new StartCampaign
        {
            CampaignId = CampaignId,
            IdempotencyKey = "start",
            Timestamp = Tick(),
            Plan = Plan,
            DataDirectory = DataDirectory,
        });

    public async Task SuggestAsync(params ParameterPoint[] points)
    {
        var request = new SuggestExperiments
        {
            CampaignId = CampaignId,
            RequestId = Guid.NewGuid(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Timestamp = Tick(),
            Space = Plan.Space,
            Strategy = Plan.Strategy,
            SuggestedSoFar = 0,
            Count = points.Length,
            Seed = Plan.Seed,
        };
        await Journal.AppendSuggestionsRequestedAsync(request);
        await Journal.AppendSuggestionsReceivedAsync(new ExperimentsSuggested
        {
            CampaignId = CampaignId,
            RequestId = request.RequestId,
            Timestamp = Tick(),
            Suggestions = points,
        });
    }

    public async Task<StartExperiment> StartExperimentAsync(ParameterPoint point)
    {
        int sequence = ++_experiments;
        var start = new StartExperiment
        {
            CampaignId = CampaignId,
            ExperimentId = Guid.NewGuid(),
            IdempotencyKey = Key("experiment", sequence),
            Timestamp = Tick(),
            Sequence = sequence,
            Parameters = point,
            Steps = Plan.Steps,
            Objectives = [.. Plan.Objectives.Select(o => o.Name)],
            Envelope = Plan.Envelope,
            DataDirectory = DataDirectory,
        };
        await Journal.AppendExperimentStartedAsync(start);
        return start;
    }

    public async Task PrepareAsync(StartExperiment experiment, string sampleId) =>
        await Journal.AppendSamplePreparedAsync(new SamplePrepared
        {
            CampaignId = CampaignId,
            ExperimentId = experiment.ExperimentId,
            IdempotencyKey = experiment.IdempotencyKey + ":prepare",
            Timestamp = Tick(),
            Instrument = "robot",
            SampleId = sampleId,
        });

    public async Task MeasureAsync(StartExperiment experiment, double reading, params DataReference[] data) =>
        await Journal.AppendMeasurementCompletedAsync(new MeasurementCompleted
        {
            CampaignId = CampaignId,
            ExperimentId = experiment.ExperimentId,
            IdempotencyKey = experiment.IdempotencyKey + ":measure",
            Timestamp = Tick(),
            Instrument = "xrd",
            Readings = new Dictionary<string, double> { ["intensity"] = reading },
            Data = data,
        });

    public async Task CompleteAsync(
        StartExperiment experiment,
        IReadOnlyDictionary<string, double> objectives,
        IReadOnlyDictionary<string, double>? uncertainties = null) =>
        await Journal.AppendExperimentCompletedAsync(new ExperimentCompleted
        {
            CampaignId = CampaignId,
            ExperimentId = experiment.ExperimentId,
            Timestamp = Tick(),
            Observation = new Observation
            {
                ExperimentId = experiment.ExperimentId,
                Sequence = experiment.Sequence,
                Parameters = experiment.Parameters,
                Objectives = objectives,
                Uncertainties = uncertainties ?? new Dictionary<string, double>(),
            },
        });

    public async Task FaultAsync(StartExperiment experiment, ExperimentStep step, StepFaultKind kind, string reason)
    {
        await Journal.AppendStepFaultedAsync(new StepFaulted
        {
            CampaignId = CampaignId,
            ExperimentId = experiment.ExperimentId,
            IdempotencyKey = experiment.IdempotencyKey + ":" + step,
            Timestamp = Tick(),
            Step = step,
            Kind = kind,
            Reason = reason,
        });
        await Journal.AppendExperimentFaultedAsync(new ExperimentFaulted
        {
            CampaignId = CampaignId,
            ExperimentId = experiment.ExperimentId,
            Timestamp = Tick(),
            Sequence = experiment.Sequence,
            Parameters = experiment.Parameters,
            Step = step,
            Kind = kind,
            Reason = reason,
        });
    }

    public async Task DiscardAsync(int count, string reason) =>
        await Journal.AppendSuggestionsDiscardedAsync(
            new SuggestionsDiscarded { CampaignId = CampaignId, Count = count, Reason = reason, Timestamp = Tick() },
            Key("discard", ++_controls));

    public async Task PauseAsync(string reason = "requested") =>
        await Journal.AppendCampaignPausedAsync(
            new CampaignPaused { CampaignId = CampaignId, Timestamp = Tick(), Reason = reason },
            Key("pause", ++_controls));

    public async Task ResumeAsync() =>
        await Journal.AppendCampaignResumedAsync(
            new ResumeCampaign { CampaignId = CampaignId, IdempotencyKey = Key("resume", ++_controls), Timestamp = Tick() });

    public async Task EndAsync(CampaignOutcome outcome, string reason = "") =>
        await Journal.AppendCampaignEndedAsync(
            new CampaignEnded { CampaignId = CampaignId, Timestamp = Tick(), Outcome = outcome, Reason = reason },
            Key("end", ++_controls));

    public async Task<List<JournalEntry>> EntriesAsync()
    {
        List<JournalEntry> entries = [];
        await foreach (JournalEntry entry in Journal.ReadAllAsync(CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public Task<CampaignReplayResult> ReplayAsync() => CampaignReplay.ReplayAsync(Journal, Clock);

    public ValueTask DisposeAsync() => Journal.DisposeAsync();

    private static string Key(string what, int number) => string.Create(CultureInfo.InvariantCulture, $"{what}-{number}");

    private DateTimeOffset Tick() => Clock.Advance(TimeSpan.FromSeconds(1));
}
