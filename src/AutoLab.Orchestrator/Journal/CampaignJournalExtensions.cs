using System.Globalization;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>
/// Typed appends: one per journal kind, taking the contract the kind carries and filling the campaign id,
/// experiment id, idempotency key and timestamp from it, so a saga cannot pair a kind with the wrong payload.
/// </summary>
/// <remarks>
/// Where the contract carries no idempotency key, the helper derives the natural one (the request id of an
/// answer, the experiment id of its one outcome) or asks for it. Each returns what
/// <see cref="ICampaignJournal.AppendAsync"/> returns: false for a re-delivery.
/// </remarks>
public static class CampaignJournalExtensions
{
    /// <summary>Journals <see cref="JournalKinds.CampaignStarted"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The start command (plan and data folder).</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendCampaignStartedAsync(this ICampaignJournal journal, StartCampaign message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.CampaignStarted, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.CampaignRecovered"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The recovery command built by <see cref="CampaignReplay"/>.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendCampaignRecoveredAsync(this ICampaignJournal journal, RecoverCampaign message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.CampaignRecovered, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.SuggestionsRequested"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The request sent to the active-learning service.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendSuggestionsRequestedAsync(this ICampaignJournal journal, SuggestExperiments message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.SuggestionsRequested, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.SuggestionsReceived"/>, keyed by the request it answers (one answer per request).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The answer; its points join the end of the unstarted queue.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendSuggestionsReceivedAsync(this ICampaignJournal journal, ExperimentsSuggested message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.SuggestionsReceived, message.CampaignId, null, Key(message.RequestId), message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.SuggestionsDiscarded"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">How many queued suggestions were dropped, and why.</param>
    /// <param name="idempotencyKey">Key of the decision that dropped them (the rejection's or the abort's key).</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendSuggestionsDiscardedAsync(this ICampaignJournal journal, SuggestionsDiscarded message, string idempotencyKey, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.SuggestionsDiscarded, message.CampaignId, null, idempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.ApprovalRequested"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The batch waiting for a human.</param>
    /// <param name="idempotencyKey">Key of the batch (for example the request id of the suggestions).</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendApprovalRequestedAsync(this ICampaignJournal journal, SuggestionsAwaitingApproval message, string idempotencyKey, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.ApprovalRequested, message.CampaignId, null, idempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.SuggestionsApproved"/> (an approval or a rejection).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The human's decision.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendSuggestionsApprovedAsync(this ICampaignJournal journal, ApproveSuggestions message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.SuggestionsApproved, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.ExperimentStarted"/>; it consumes the first unstarted suggestion.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The start command sent to the experiment saga.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendExperimentStartedAsync(this ICampaignJournal journal, StartExperiment message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.ExperimentStarted, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.SamplePrepared"/>, keyed by the prepare step's key (done once).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The instrument's answer.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendSamplePreparedAsync(this ICampaignJournal journal, SamplePrepared message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.SamplePrepared, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.MeasurementCompleted"/>, keyed by the measure step's key (done once).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The instrument's answer.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendMeasurementCompletedAsync(this ICampaignJournal journal, MeasurementCompleted message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.MeasurementCompleted, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.AnalysisCompleted"/>, keyed by the analyze step's key (done once).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The analysis result.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendAnalysisCompletedAsync(this ICampaignJournal journal, AnalysisCompleted message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.AnalysisCompleted, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>
    /// Journals <see cref="JournalKinds.StepFaulted"/>, keyed by the step's key and attempt ("key#2"): a step key
    /// is shared by its retries, and each failed attempt is its own fact. A second report of the same attempt
    /// (an adapter's fault racing the timeout) is a duplicate.
    /// </summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The failure (refusal, timeout, device error, ...).</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendStepFaultedAsync(this ICampaignJournal journal, StepFaulted message, CancellationToken ct = default) =>
        journal.AppendAsync(
            JournalKinds.StepFaulted,
            message.CampaignId,
            message.ExperimentId,
            string.Create(CultureInfo.InvariantCulture, $"{message.IdempotencyKey}#{message.Attempt}"),
            message.Timestamp,
            message,
            ct);

    /// <summary>Journals <see cref="JournalKinds.ExperimentCompleted"/>, keyed by the experiment id (an experiment completes once).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The experiment's observation.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendExperimentCompletedAsync(this ICampaignJournal journal, ExperimentCompleted message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.ExperimentCompleted, message.CampaignId, message.ExperimentId, Key(message.ExperimentId), message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.ExperimentFaulted"/>, keyed by the experiment id (an experiment faults once).</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The experiment's last failure.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendExperimentFaultedAsync(this ICampaignJournal journal, ExperimentFaulted message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.ExperimentFaulted, message.CampaignId, message.ExperimentId, Key(message.ExperimentId), message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.CampaignPaused"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The pause.</param>
    /// <param name="idempotencyKey">Key of the request that paused it (a campaign may pause many times).</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendCampaignPausedAsync(this ICampaignJournal journal, CampaignPaused message, string idempotencyKey, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.CampaignPaused, message.CampaignId, null, idempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.CampaignResumed"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">The resume request.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendCampaignResumedAsync(this ICampaignJournal journal, ResumeCampaign message, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.CampaignResumed, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, ct);

    /// <summary>Journals <see cref="JournalKinds.CampaignEnded"/>.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="message">How the campaign ended.</param>
    /// <param name="idempotencyKey">Key of the ending (a halted campaign can be resumed and end again, so it needs its own key).</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>True when appended; false for a re-delivery.</returns>
    public static ValueTask<bool> AppendCampaignEndedAsync(this ICampaignJournal journal, CampaignEnded message, string idempotencyKey, CancellationToken ct = default) =>
        journal.AppendAsync(JournalKinds.CampaignEnded, message.CampaignId, null, idempotencyKey, message.Timestamp, message, ct);

    private static string Key(Guid id) => id.ToString("D");
}
