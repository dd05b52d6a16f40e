using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

/// <summary>
/// The messages of one experiment: its start command, and the answers the instruments and the analysis
/// service would publish. Step keys are written out in the documented form <c>&lt;experiment-id&gt;/&lt;step&gt;</c>.
/// </summary>
public static class ExperimentScript
{
    /// <summary>The campaign every scripted experiment belongs to (a journal holds one campaign).</summary>
    public static readonly Guid CampaignId = new("5a1e0000-0000-4000-8000-00000000ca11");

    /// <summary>Prepare on "robot", measure on "xrd", analyze on the analysis service; 30 s limits, 3 attempts, 2 s back-off.</summary>
    public static IReadOnlyList<StepPlan> FullCycle { get; } =
    [
        new StepPlan { Step = ExperimentStep.Prepare, Instrument = "robot", TimeoutSeconds = 30, MaxAttempts = 3, RetryBackoffSeconds = 2 },
        new StepPlan { Step = ExperimentStep.Measure, Instrument = "xrd", TimeoutSeconds = 30, MaxAttempts = 3, RetryBackoffSeconds = 2 },
        new StepPlan { Step = ExperimentStep.Analyze, Instrument = "", TimeoutSeconds = 30, MaxAttempts = 2, RetryBackoffSeconds = 2 },
    ];

    /// <summary>No prepare step (the sample is already mounted): measure on "xrd", then analyze.</summary>
    public static IReadOnlyList<StepPlan> MeasureAndAnalyze { get; } = [.. FullCycle.Skip(1)];

    /// <summary>A reference measurement: measure on "xrd" only, its readings are the result.</summary>
    public static IReadOnlyList<StepPlan> MeasureOnly { get; } = [FullCycle[1]];

    /// <summary>Anneal temperature 450 °C for 2 h, solvent ethanol.</summary>
    public static ParameterPoint Point { get; } = new()
    {
        Values = new Dictionary<string, double> { ["T_anneal"] = 450, ["duration_h"] = 2 },
        Choices = new Dictionary<string, string> { ["solvent"] = "ethanol" },
    };

    /// <summary>A fresh experiment (sequence 7) over <see cref="FullCycle"/>, objective "yield".</summary>
    public static StartExperiment Start(IReadOnlyList<StepPlan>? steps = null, IReadOnlyList<EnvelopeLimit>? envelope = null)
    {
        var experimentId = Guid.NewGuid();
        return new StartExperiment
        {
            CampaignId = CampaignId,
            ExperimentId = experimentId,
            IdempotencyKey = experimentId.ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            Sequence = 7,
            Parameters = Point,
            Steps = steps ?? FullCycle,
            Objectives = ["yield"],
            Envelope = envelope ?? [],
            DataDirectory = "/runs/specs/data/000007",
        };
    }

    /// <summary>The documented idempotency key of a step: the same for every attempt.</summary>
    public static string Key(StartExperiment start, string step) => $"{start.ExperimentId:N}/{step}";

    /// <summary>The robot's answer to the prepare step.</summary>
    public static SamplePrepared Prepared(StartExperiment start, string sampleId = "S-0007") => new()
    {
        CampaignId = start.CampaignId,
        ExperimentId = start.ExperimentId,
        IdempotencyKey = Key(start, "prepare"),
        Timestamp = DateTimeOffset.UtcNow,
        Instrument = "robot",
        SampleId = sampleId,
    };

    /// <summary>The diffractometer's answer to the measure step.</summary>
    public static MeasurementCompleted Measured(StartExperiment start, double intensity = 1250.5) => new()
    {
        CampaignId = start.CampaignId,
        ExperimentId = start.ExperimentId,
        IdempotencyKey = Key(start, "measure"),
        Timestamp = DateTimeOffset.UtcNow,
        Instrument = "xrd",
        Readings = new Dictionary<string, double> { ["intensity"] = intensity, ["fwhm_deg"] = 0.12 },
        Data = [new DataReference { Key = "pattern", Uri = "file:///runs/specs/data/000007/pattern.xy" }],
    };

    /// <summary>The analysis service's answer with the given objective values.</summary>
    public static AnalysisCompleted Analyzed(StartExperiment start, IReadOnlyDictionary<string, double> objectives) => new()
    {
        CampaignId = start.CampaignId,
        ExperimentId = start.ExperimentId,
        IdempotencyKey = Key(start, "analyze"),
        Timestamp = DateTimeOffset.UtcNow,
        Objectives = objectives,
        Uncertainties = objectives.ToDictionary(o => o.Key, _ => 0.01),
    };

    /// <summary>The analysis service's answer with yield = <paramref name="yield"/> (%).</summary>
    public static AnalysisCompleted Analyzed(StartExperiment start, double yield = 81.5) =>
        Analyzed(start, new Dictionary<string, double> { ["yield"] = yield });

    /// <summary>A fault reported by the instrument serving <paramref name="step"/>.</summary>
    public static StepFaulted InstrumentFault(StartExperiment start, ExperimentStep step, int attempt, bool retryable, StepFaultKind kind = StepFaultKind.DeviceError) => new()
    {
        CampaignId = start.CampaignId,
        ExperimentId = start.ExperimentId,
        IdempotencyKey = Key(start, step.ToString().ToLowerInvariant()),
        Timestamp = DateTimeOffset.UtcNow,
        Step = step,
        Instrument = step == ExperimentStep.Prepare ? "robot" : "xrd",
        Attempt = attempt,
        Kind = kind,
        Reason = "shutter did not open",
        Retryable = retryable,
    };
}
