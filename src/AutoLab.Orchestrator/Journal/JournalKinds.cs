using System.Collections.Frozen;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>The kinds of fact a campaign journal holds, and the payload record each one carries.</summary>
/// <remarks>
/// A kind's payload type is fixed: <see cref="ICampaignJournal.AppendAsync"/> refuses a payload of
/// another type, so replay can rely on it. The typed helpers in <see cref="CampaignJournalExtensions"/>
/// pick the kind for you.
/// </remarks>
public static class JournalKinds
{
    /// <summary>Payload <see cref="StartCampaign"/>: the plan and data folder the campaign runs with.</summary>
    public const string CampaignStarted = "CampaignStarted";

    /// <summary>Payload <see cref="RecoverCampaign"/>: the campaign was rebuilt from this journal after a stop.</summary>
    public const string CampaignRecovered = "CampaignRecovered";

    /// <summary>Payload <see cref="SuggestExperiments"/>: the campaign asked for suggestions (history may be empty).</summary>
    public const string SuggestionsRequested = "SuggestionsRequested";

    /// <summary>Payload <see cref="ExperimentsSuggested"/>: suggestions arrived and were queued, in order.</summary>
    public const string SuggestionsReceived = "SuggestionsReceived";

    /// <summary>Payload <see cref="Journal.SuggestionsDiscarded"/>: queued, unstarted suggestions were dropped.</summary>
    public const string SuggestionsDiscarded = "SuggestionsDiscarded";

    /// <summary>Payload <see cref="SuggestionsAwaitingApproval"/>: a batch waits for a human.</summary>
    public const string ApprovalRequested = "ApprovalRequested";

    /// <summary>Payload <see cref="ApproveSuggestions"/>: a human approved or rejected the waiting batch.</summary>
    public const string SuggestionsApproved = "SuggestionsApproved";

    /// <summary>Payload <see cref="StartExperiment"/>: an experiment was started from the next queued suggestion.</summary>
    public const string ExperimentStarted = "ExperimentStarted";

    /// <summary>Payload <see cref="Contracts.Instruments.SamplePrepared"/>: the prepare step finished.</summary>
    public const string SamplePrepared = "SamplePrepared";

    /// <summary>Payload <see cref="Contracts.Instruments.MeasurementCompleted"/>: the measure step finished.</summary>
    public const string MeasurementCompleted = "MeasurementCompleted";

    /// <summary>Payload <see cref="Contracts.Analysis.AnalysisCompleted"/>: the analysis produced objectives.</summary>
    public const string AnalysisCompleted = "AnalysisCompleted";

    /// <summary>Payload <see cref="Contracts.Orchestration.StepFaulted"/>: a step attempt failed (refusals and timeouts included).</summary>
    public const string StepFaulted = "StepFaulted";

    /// <summary>Payload <see cref="Contracts.Orchestration.ExperimentCompleted"/>: an experiment produced its observation.</summary>
    public const string ExperimentCompleted = "ExperimentCompleted";

    /// <summary>Payload <see cref="Contracts.Orchestration.ExperimentFaulted"/>: an experiment gave up.</summary>
    public const string ExperimentFaulted = "ExperimentFaulted";

    /// <summary>Payload <see cref="Contracts.Orchestration.CampaignPaused"/>: the campaign paused with nothing in flight.</summary>
    public const string CampaignPaused = "CampaignPaused";

    /// <summary>Payload <see cref="ResumeCampaign"/>: a paused or halted campaign was resumed.</summary>
    public const string CampaignResumed = "CampaignResumed";

    /// <summary>Payload <see cref="Contracts.Orchestration.CampaignEnded"/>: the campaign ended (Halted ends resumable).</summary>
    public const string CampaignEnded = "CampaignEnded";

    private static readonly FrozenDictionary<string, Type> PayloadTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [CampaignStarted] = typeof(StartCampaign),
        [CampaignRecovered] = typeof(RecoverCampaign),
        [SuggestionsRequested] = typeof(SuggestExperiments),
        [SuggestionsReceived] = typeof(ExperimentsSuggested),
        [SuggestionsDiscarded] = typeof(SuggestionsDiscarded),
        [ApprovalRequested] = typeof(SuggestionsAwaitingApproval),
        [SuggestionsApproved] = typeof(ApproveSuggestions),
        [ExperimentStarted] = typeof(StartExperiment),
        [SamplePrepared] = typeof(SamplePrepared),
        [MeasurementCompleted] = typeof(MeasurementCompleted),
        [AnalysisCompleted] = typeof(AnalysisCompleted),
        [StepFaulted] = typeof(StepFaulted),
        [ExperimentCompleted] = typeof(ExperimentCompleted),
        [ExperimentFaulted] = typeof(ExperimentFaulted),
        [CampaignPaused] = typeof(CampaignPaused),
        [CampaignResumed] = typeof(ResumeCampaign),
        [CampaignEnded] = typeof(CampaignEnded),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every kind, in the order they are listed above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CampaignStarted, CampaignRecovered, SuggestionsRequested, SuggestionsReceived, SuggestionsDiscarded,
        ApprovalRequested, SuggestionsApproved, ExperimentStarted, SamplePrepared, MeasurementCompleted,
        AnalysisCompleted, StepFaulted, ExperimentCompleted, ExperimentFaulted, CampaignPaused, CampaignResumed,
        CampaignEnded,
    ];

    /// <summary>Whether <paramref name="kind"/> is one of the kinds above (case-sensitive).</summary>
    /// <param name="kind">The kind to check.</param>
    /// <returns>True when the kind is known.</returns>
    public static bool IsKnown(string kind) => PayloadTypes.ContainsKey(kind);

    /// <summary>The payload record type a kind carries.</summary>
    /// <param name="kind">One of the kinds above.</param>
    /// <returns>The contract record type of the kind's payload.</returns>
    /// <exception cref="ArgumentException">The kind is not known.</exception>
    public static Type PayloadTypeOf(string kind) =>
        PayloadTypes.TryGetValue(kind, out Type? type)
            ? type
            : throw new ArgumentException(
                $"Unknown journal kind '{kind}'; the known kinds are: {string.Join(", ", All)}.", nameof(kind));
}
