using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.Approval;

/// <summary>Writes the approval entries the campaign saga would, on top of a <see cref="JournalScript"/>.</summary>
internal static class ApprovalJournal
{
    /// <summary>A plan that asks for approval.</summary>
    public static CampaignPlan Plan() => SamplePlans.Mixed() with { RequireApproval = true };

    public static async Task RequestAsync(JournalScript script, string key, params ParameterPoint[] points) =>
        await script.Journal.AppendApprovalRequestedAsync(
            new SuggestionsAwaitingApproval { CampaignId = script.CampaignId, Timestamp = script.Clock.GetUtcNow(), Suggestions = points },
            $"{script.CampaignId:N}/approval/{key}");

    public static async Task DecideAsync(JournalScript script, string idempotencyKey, bool approved, string by = "alice") =>
        await script.Journal.AppendSuggestionsApprovedAsync(new ApproveSuggestions
        {
            CampaignId = script.CampaignId,
            IdempotencyKey = idempotencyKey,
            Timestamp = script.Clock.GetUtcNow(),
            Approved = approved,
            ApprovedBy = by,
        });
}
