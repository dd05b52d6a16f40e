using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

/// <summary>
/// The messages around one campaign: its plan and start, the active-learning service's answers, the
/// experiments' outcomes and the operator's control commands.
/// </summary>
public static class CampaignScript
{
    /// <summary>Anneal temperature 300–600 °C; maximize yield (%); random strategy, seed 42.</summary>
    public static CampaignPlan Plan(int budget, int batchSize) => new()
    {
        Name = "specs",
        Space = [new ParameterDefinition { Name = "T_anneal", Kind = ParameterKind.Continuous, Lower = 300, Upper = 600, Unit = "degC" }],
        Objectives = [new ObjectiveDefinition { Name = "yield", Direction = ObjectiveDirection.Maximize, Unit = "%" }],
        Steps = ExperimentScript.FullCycle,
        Strategy = new StrategyPlan { Name = "random" },
        Budget = budget,
        BatchSize = batchSize,
        Seed = 42,
    };

    /// <summary>The command that starts a campaign with <paramref name="plan"/>.</summary>
    public static StartCampaign Start(Guid campaignId, CampaignPlan plan) => new()
    {
        CampaignId = campaignId,
        IdempotencyKey = $"{campaignId:N}/start",
        Timestamp = DateTimeOffset.UtcNow,
        Plan = plan,
        DataDirectory = "/runs/specs/data",
    };

    /// <summary>The <paramref name="index"/>-th distinct point: T_anneal = 300 + index °C.</summary>
    public static ParameterPoint Point(int index) => new()
    {
        Values = new Dictionary<string, double> { ["T_anneal"] = 300 + index },
    };

    /// <summary>The active-learning service's answer to <paramref name="request"/> with the given points.</summary>
    public static ExperimentsSuggested Answer(SuggestExperiments request, IReadOnlyList<ParameterPoint> points) => new()
    {
        CampaignId = request.CampaignId,
        RequestId = request.RequestId,
        Timestamp = DateTimeOffset.UtcNow,
        Suggestions = points,
        Strategy = "random",
    };

    /// <summary>The experiment saga's report that <paramref name="start"/> produced yield = <paramref name="yield"/> %.</summary>
    public static ExperimentCompleted Completed(StartExperiment start, double yield) => new()
    {
        CampaignId = start.CampaignId,
        ExperimentId = start.ExperimentId,
        Timestamp = DateTimeOffset.UtcNow,
        Observation = new Observation
        {
            ExperimentId = start.ExperimentId,
            Sequence = start.Sequence,
            Parameters = start.Parameters,
            Objectives = new Dictionary<string, double> { ["yield"] = yield },
        },
    };

    /// <summary>The experiment saga's report that <paramref name="start"/> gave up.</summary>
    public static ExperimentFaulted Faulted(StartExperiment start) => new()
    {
        CampaignId = start.CampaignId,
        ExperimentId = start.ExperimentId,
        Timestamp = DateTimeOffset.UtcNow,
        Sequence = start.Sequence,
        Parameters = start.Parameters,
        Step = ExperimentStep.Measure,
        Kind = StepFaultKind.Timeout,
        Reason = "measure failed after 3 attempts: no answer from 'xrd' within 30 s",
    };

    /// <summary>An operator's pause request.</summary>
    public static PauseCampaign Pause(Guid campaignId) => new()
    {
        CampaignId = campaignId, IdempotencyKey = $"{campaignId:N}/pause/{Guid.NewGuid():N}", Timestamp = DateTimeOffset.UtcNow, RequestedBy = "alice",
    };

    /// <summary>An operator's resume request.</summary>
    public static ResumeCampaign Resume(Guid campaignId) => new()
    {
        CampaignId = campaignId, IdempotencyKey = $"{campaignId:N}/resume/{Guid.NewGuid():N}", Timestamp = DateTimeOffset.UtcNow, RequestedBy = "alice",
    };

    /// <summary>An operator's halt request (beamtime over).</summary>
    public static HaltCampaign Halt(Guid campaignId) => new()
    {
        CampaignId = campaignId, IdempotencyKey = $"{campaignId:N}/halt", Timestamp = DateTimeOffset.UtcNow, Reason = "beamtime over", RequestedBy = "alice",
    };

    /// <summary>An operator's abort request.</summary>
    public static AbortCampaign Abort(Guid campaignId, string reason) => new()
    {
        CampaignId = campaignId, IdempotencyKey = $"{campaignId:N}/abort", Timestamp = DateTimeOffset.UtcNow, Reason = reason, RequestedBy = "alice",
    };

    /// <summary>A human's decision on the batch awaiting approval.</summary>
    public static ApproveSuggestions Approve(Guid campaignId, bool approved) => new()
    {
        CampaignId = campaignId, IdempotencyKey = $"{campaignId:N}/approval/{Guid.NewGuid():N}", Timestamp = DateTimeOffset.UtcNow, Approved = approved, ApprovedBy = "alice",
    };
}
