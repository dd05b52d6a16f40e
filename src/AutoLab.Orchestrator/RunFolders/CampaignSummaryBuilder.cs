using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>Builds a <see cref="CampaignSummary"/> from a campaign's journal entries.</summary>
/// <remarks>
/// Works on any journal, finished, live or crashed: the status is the last control entry's (a crashed run
/// shows Running; <see cref="CampaignSummary.LastActivityAt"/> tells how long it has been quiet).
/// </remarks>
public static class CampaignSummaryBuilder
{
    /// <summary>Builds the summary.</summary>
    /// <param name="entries">The campaign's journal entries.</param>
    /// <param name="now">The summary's time; elapsed time of a campaign that has not ended runs to it.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="JournalException">The journal has no CampaignStarted entry.</exception>
    public static CampaignSummary Build(IEnumerable<JournalEntry> entries, DateTimeOffset now) =>
        FromState(CampaignJournalState.Build(entries), now);

    internal static CampaignSummary FromState(CampaignJournalState state, DateTimeOffset now)
    {
        StartCampaign start = state.RequireStart();
        List<ExperimentRecord> experiments = [.. state.Experiments];
        (CampaignStatus status, string reason, DateTimeOffset? endedAt) = Status(state);
        DateTimeOffset startedAt = state.StartedAt ?? start.Timestamp;
        double elapsed = ((endedAt ?? now) - startedAt).TotalSeconds;
        return new CampaignSummary
        {
            CampaignId = state.CampaignId,
            Name = start.Plan.Name,
            Status = status,
            Reason = reason,
            Budget = start.Plan.Budget,
            ExperimentsStarted = experiments.Count,
            ExperimentsCompleted = experiments.Count(e => e.Completed is not null),
            ExperimentsFaulted = experiments.Count(e => e.Faulted is not null),
            ExperimentsInFlight = experiments.Count(e => !e.IsFinished),
            SuggestionsReceived = state.SuggestionCount,
            Best = Best(start.Plan, experiments),
            StartedAt = startedAt,
            EndedAt = endedAt,
            ElapsedSeconds = Math.Max(0, elapsed),
            LastActivityAt = state.LastTimestamp ?? startedAt,
            JournalEntries = state.EntryCount,
            BeamTime = CampaignSummaryBeamTime.Of(experiments.Select(e => e.Measured).OfType<MeasurementCompleted>(), experiments.SelectMany(e => e.StepFaults)),
        };
    }

    private static (CampaignStatus Status, string Reason, DateTimeOffset? EndedAt) Status(CampaignJournalState state)
    {
        if (state.FinalEnd is { } final)
        {
            CampaignStatus status = final.Outcome switch
            {
                CampaignOutcome.Completed => CampaignStatus.Completed,
                CampaignOutcome.Aborted => CampaignStatus.Aborted,
                _ => CampaignStatus.Faulted,
            };
            return (status, final.Reason, final.Timestamp);
        }

        return state.LastControlPayload switch
        {
            CampaignEnded halted => (CampaignStatus.Halted, halted.Reason, halted.Timestamp),
            CampaignPaused paused => (CampaignStatus.Paused, paused.Reason, null),
            RecoverCampaign { Paused: true } => (CampaignStatus.Paused, "recovered paused", null),
            _ => (CampaignStatus.Running, "", null),
        };
    }

    private static BestObservation? Best(CampaignPlan plan, List<ExperimentRecord> experiments)
    {
        if (plan.Objectives.Count == 0)
        {
            return null;
        }

        ObjectiveDefinition first = plan.Objectives[0];
        int sign = first.Direction == ObjectiveDirection.Maximize ? -1 : 1;
        Observation? best = null;
        double bestValue = double.NaN;
        // Earliest sequence wins a tie, so the answer does not depend on finish order.
        foreach (Observation observation in experiments
            .Select(e => e.Completed?.Observation)
            .OfType<Observation>()
            .OrderBy(o => o.Sequence))
        {
            if (observation.Objectives.TryGetValue(first.Name, out double value) && double.IsFinite(value)
                && (best is null || sign * value < sign * bestValue))
            {
                best = observation;
                bestValue = value;
            }
        }

        return best is null
            ? null
            : new BestObservation
            {
                Objective = first.Name,
                Direction = first.Direction,
                Value = bestValue,
                Uncertainty = best.Uncertainties.TryGetValue(first.Name, out double sd) ? sd : null,
                ExperimentId = best.ExperimentId,
                Sequence = best.Sequence,
                Parameters = best.Parameters,
            };
    }
}
