using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Rebuilds a campaign from its journal after the orchestrator stopped (<c>autolab resume DIR</c>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Plan and data folder come from the first CampaignStarted entry; without one there is nothing to recover.</item>
/// <item>A CampaignEnded with outcome Completed, Aborted or Faulted is final: the result says so and carries no recovery.</item>
/// <item>Observations: each completed experiment's observation, and each faulted one as a failed observation
/// (<see cref="Observation.Succeeded"/> false, no objectives), ordered by experiment sequence.</item>
/// <item>In flight: experiments started but neither completed nor faulted, as their <see cref="StartExperiment"/> with
/// <see cref="StartExperiment.PreparedSampleId"/> (null when not prepared) and <see cref="StartExperiment.Measurement"/>
/// filled from the journaled prepare and measure results, ordered by sequence.</item>
/// <item>Unstarted suggestions: received points, first in first out, less each experiment start (one point per
/// experiment id) and each discard, in order; <see cref="RecoverCampaign.SuggestionCount"/> counts every point received.</item>
/// <item>Paused when the last control entry is a pause, a Halted ending, or a recovery that came back paused.</item>
/// </list>
/// </remarks>
/// <seealso cref="ICampaignJournal"/>
public static class CampaignReplay
{
    /// <summary>Replays entries into a recovery.</summary>
    /// <param name="entries">The journal's entries (any order; they are sorted by sequence).</param>
    /// <param name="now">Timestamp of the recovery command.</param>
    /// <param name="source">Names the journal in error messages.</param>
    /// <returns>The recovery, or the final outcome when the campaign already ended.</returns>
    /// <exception cref="JournalException">The journal has no CampaignStarted entry, mixes campaigns, or has an unreadable payload.</exception>
    public static CampaignReplayResult Replay(IEnumerable<JournalEntry> entries, DateTimeOffset now, string source = "the journal") =>
        FromState(CampaignJournalState.Build(entries, source), now);

    /// <summary>Reads an open journal and replays it.</summary>
    /// <param name="journal">The campaign's journal.</param>
    /// <param name="clock">Gives the recovery's timestamp.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The recovery, or the final outcome when the campaign already ended.</returns>
    /// <exception cref="JournalException">See <see cref="Replay"/>.</exception>
    public static async Task<CampaignReplayResult> ReplayAsync(ICampaignJournal journal, TimeProvider clock, CancellationToken ct = default)
    {
        List<JournalEntry> entries = [];
        await foreach (JournalEntry entry in journal.ReadAllAsync(ct))
        {
            entries.Add(entry);
        }

        string source = journal is SqliteCampaignJournal sqlite ? $"the journal '{sqlite.FilePath}'" : "the journal";
        return Replay(entries, clock.GetUtcNow(), source);
    }

    internal static CampaignReplayResult FromState(CampaignJournalState state, DateTimeOffset now)
    {
        StartCampaign start = state.RequireStart();
        string name = start.Plan.Name;
        if (state.FinalEnd is { } ended)
        {
            string why = ended.Reason.Length > 0 ? $": {ended.Reason}" : "";
            return new CampaignReplayResult
            {
                CampaignId = state.CampaignId,
                CampaignName = name,
                Ended = ended,
                LastSequence = state.LastSequence,
                Message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Campaign '{name}' ({state.CampaignId}) already ended {ended.Outcome} at {ended.Timestamp:O}{why}. Nothing to resume."),
            };
        }

        List<ExperimentRecord> experiments = [.. state.Experiments.OrderBy(e => e.Sequence).ThenBy(e => e.OutcomeSequence)];
        List<Observation> observations = [.. experiments.Select(e => e.ToObservation()).OfType<Observation>()];
        List<StartExperiment> inFlight = [.. experiments.Where(e => !e.IsFinished).Select(e => e.ToRestart()).OfType<StartExperiment>()];
        var recovery = new RecoverCampaign
        {
            CampaignId = state.CampaignId,
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"recover:{state.CampaignId:N}:{state.LastSequence}"),
            Timestamp = now,
            Plan = start.Plan,
            DataDirectory = start.DataDirectory,
            Observations = observations,
            InFlight = inFlight,
            UnstartedSuggestions = [.. state.UnstartedSuggestions],
            SuggestionCount = state.SuggestionCount,
            Paused = state.Paused,
        };

        return new CampaignReplayResult
        {
            CampaignId = state.CampaignId,
            CampaignName = name,
            Recovery = recovery,
            LastSequence = state.LastSequence,
            Message = string.Create(
                CultureInfo.InvariantCulture,
                $"Campaign '{name}' ({state.CampaignId}) can resume: {observations.Count} finished, {inFlight.Count} in flight, " +
                $"{recovery.UnstartedSuggestions.Count} unstarted suggestions{(recovery.Paused ? "; it comes back paused" : "")}."),
        };
    }
}
