using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using MassTransit;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>
/// The campaign saga's rules, as plain functions over <see cref="Campaign"/>: what to start, what to
/// ask for, when to stop. Kept out of the state machine so they read (and test) on their own.
/// </summary>
public static class CampaignProgress
{
    /// <summary>Records a finished experiment; false when it was not in flight (a re-delivery).</summary>
    public static bool RecordFinished(Campaign campaign, Observation observation)
    {
        if (!campaign.InFlight.Remove(observation.ExperimentId))
        {
            return false;
        }

        campaign.Observations.Add(observation);
        campaign.AwaitingFinish = false;
        if (!observation.Succeeded)
        {
            campaign.FaultedCount++;
            return true;
        }

        campaign.CompletedCount++;
        UpdateBest(campaign, observation);
        return true;
    }

    /// <summary>Whether the fault policy says the campaign must stop, and why.</summary>
    public static bool FaultPolicyBreached(Campaign campaign, out string reason)
    {
        FaultPolicy policy = campaign.Plan.FaultPolicy;
        int finished = campaign.CompletedCount + campaign.FaultedCount;
        double fraction = finished == 0 ? 0 : (double)campaign.FaultedCount / finished;
        if (finished >= policy.MinExperiments && fraction > policy.MaxFaultFraction)
        {
            reason = $"fault policy: {campaign.FaultedCount} of {finished} experiments faulted " +
                     $"({fraction:P0} > {policy.MaxFaultFraction:P0})";
            return true;
        }

        reason = "";
        return false;
    }

    /// <summary>True when nothing is in flight and nothing more will start.</summary>
    public static bool IsFinished(Campaign campaign) =>
        campaign.InFlight.Count == 0 && !CanStartMore(campaign);

    /// <summary>Why a finished campaign finished, in words.</summary>
    public static string FinishReason(Campaign campaign) =>
        campaign.StopReason ?? $"budget of {campaign.Plan.Budget} experiments spent";

    /// <summary>Whether the budget and termination conditions allow starting another experiment.</summary>
    public static bool CanStartMore(Campaign campaign) =>
        campaign.StopReason is null && campaign.Started < campaign.Plan.Budget;

    /// <summary>How many suggestions to ask for now (0 when a request is outstanding or none are needed).</summary>
    /// <remarks>With <see cref="CampaignPlan.SynchronousBatches"/> nothing is asked for while an experiment of the previous batch is in flight.</remarks>
    public static int SuggestionsWanted(Campaign campaign)
    {
        if (campaign.OutstandingRequestId is not null || campaign.AwaitingFinish || !CanStartMore(campaign)
            || (campaign.Plan.SynchronousBatches && campaign.InFlight.Count > 0))
        {
            return 0;
        }

        int freeSlots = campaign.Plan.BatchSize - campaign.InFlight.Count - campaign.Unstarted.Count;
        int budgetLeft = campaign.Plan.Budget - campaign.Started - campaign.Unstarted.Count;
        return Math.Max(0, Math.Min(freeSlots, budgetLeft));
    }

    /// <summary>Builds the next suggestion request and marks it outstanding.</summary>
    public static SuggestExperiments NextRequest(Campaign campaign, int count, DateTimeOffset now)
    {
        var requestId = NewId.NextGuid();
        campaign.OutstandingRequestId = requestId;
        campaign.ObservationsAtRequest = campaign.Observations.Count;
        CampaignPlan plan = campaign.Plan;
        return new SuggestExperiments
        {
            CampaignId = campaign.CorrelationId,
            RequestId = requestId,
            IdempotencyKey = requestId.ToString("N"),
            Timestamp = now,
            Space = plan.Space,
            Constraints = plan.Constraints,
            Objectives = plan.Objectives,
            Strategy = plan.Strategy,
            History = plan.Strategy.NeedsHistory
                ? campaign.Observations.OrderBy(o => o.Sequence).ToList()
                : [],
            SuggestedSoFar = campaign.SuggestionCount,
            Pending = [.. campaign.InFlight.Values, .. campaign.Unstarted],
            Count = count,
            Seed = plan.Seed,
            Budget = plan.Budget,
        };
    }

    /// <summary>Takes queued suggestions that fit the in-flight limit and budget, as experiments to start.</summary>
    public static List<StartExperiment> TakeStartable(Campaign campaign, DateTimeOffset now)
    {
        var starts = new List<StartExperiment>();
        while (campaign.Unstarted.Count > 0
               && campaign.InFlight.Count < campaign.Plan.BatchSize
               && CanStartMore(campaign))
        {
            ParameterPoint point = campaign.Unstarted[0];
            campaign.Unstarted.RemoveAt(0);
            campaign.Started++;
            var experimentId = NewId.NextGuid();
            campaign.InFlight[experimentId] = point;
            starts.Add(NewExperiment(campaign, experimentId, campaign.Started, point, now));
        }

        return starts;
    }

    /// <summary>The start command for one experiment of this campaign.</summary>
    public static StartExperiment NewExperiment(
        Campaign campaign, Guid experimentId, int sequence, ParameterPoint point, DateTimeOffset now)
    {
        CampaignPlan plan = campaign.Plan;
        return new StartExperiment
        {
            CampaignId = campaign.CorrelationId,
            ExperimentId = experimentId,
            IdempotencyKey = experimentId.ToString("N"),
            Timestamp = now,
            Sequence = sequence,
            Parameters = point,
            Steps = plan.Steps,
            Analysis = plan.Analysis,
            Objectives = plan.Objectives.Select(o => o.Name).ToList(),
            Envelope = plan.Envelope,
            DataDirectory = Path.Combine(campaign.DataDirectory, sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    static void UpdateBest(Campaign campaign, Observation observation)
    {
        ObjectiveDefinition first = campaign.Plan.Objectives[0];
        if (!observation.Objectives.TryGetValue(first.Name, out double value))
        {
            return;
        }

        bool minimize = first.Direction == ObjectiveDirection.Minimize;
        bool improved = campaign.BestValue is not { } best || (minimize ? value < best : value > best);
        if (improved)
        {
            campaign.BestValue = value;
            campaign.SinceImprovement = 0;
        }
        else
        {
            campaign.SinceImprovement++;
        }

        TerminationPlan termination = campaign.Plan.Termination;
        if (termination.TargetValue is { } target && (minimize ? value <= target : value >= target))
        {
            campaign.StopReason ??= $"target {first.Name} {(minimize ? "<=" : ">=")} {target} reached by experiment {observation.Sequence}";
        }
        else if (termination.MaxExperimentsWithoutImprovement is { } patience && campaign.SinceImprovement >= patience)
        {
            campaign.StopReason ??= $"no improvement of {first.Name} in {patience} experiments";
        }
    }
}
