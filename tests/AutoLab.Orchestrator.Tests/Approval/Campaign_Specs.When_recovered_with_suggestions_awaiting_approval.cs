using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Approval;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// Before a crash the campaign asked about two points and a human approved them, but neither started. The
    /// recovered campaign asks again; its request must not reuse the pre-crash key (which would be dropped as a
    /// re-delivery), so the journal shows a new waiting batch next to the earlier, still journaled decision.
    /// </summary>
    public sealed class When_recovered_with_suggestions_awaiting_approval : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            Guid campaignId = _driver.CampaignId;
            CampaignPlan plan = CampaignScript.Plan(budget: 4, batchSize: 2) with { RequireApproval = true };
            ParameterPoint[] points = [CampaignScript.Point(1), CampaignScript.Point(2)];
            DateTimeOffset before = DateTimeOffset.UtcNow;
            // What the first process journaled: the key a fresh saga uses for its first request with two points.
            await _bus.Journal.AppendAsync(JournalKinds.ApprovalRequested, campaignId, null, $"{campaignId:N}/approval/2/1", before,
                new SuggestionsAwaitingApproval { CampaignId = campaignId, Timestamp = before, Suggestions = points }, CancellationToken.None);
            await _bus.Journal.AppendAsync(JournalKinds.SuggestionsApproved, campaignId, null, "decision-1", before,
                CampaignScript.Approve(campaignId, approved: true) with { IdempotencyKey = "decision-1" }, CancellationToken.None);

            await _driver.SendControlAsync(new RecoverCampaign
            {
                CampaignId = campaignId,
                IdempotencyKey = $"recover:{campaignId}:2",
                Timestamp = DateTimeOffset.UtcNow,
                Plan = plan,
                SuggestionCount = 2,
                UnstartedSuggestions = points,
            });
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public async Task Should_journal_a_new_request_so_the_ledger_shows_a_second_batch_waiting()
        {
            List<JournalEntry> entries = [];
            await foreach (JournalEntry entry in _bus.Journal.ReadAllAsync(CancellationToken.None))
            {
                entries.Add(entry);
            }

            ApprovalLedger ledger = ApprovalLedger.Build(entries);

            Assert.Equal("AwaitingApproval", _driver.State);
            Assert.Empty(_driver.Starts);
            Assert.Equal([ApprovalBatchState.Approved, ApprovalBatchState.Waiting], ledger.Batches.Select(b => b.State));
            Assert.Equal(2, ledger.Waiting!.Suggestions.Count);
        }
    }
}
