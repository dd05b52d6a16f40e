using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>A human must approve every batch of 2 suggestions before it runs.</summary>
    public sealed class When_approval_is_required : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 4, batchSize: 2) with { RequireApproval = true });
            await _driver.AnswerAsync();
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_wait_in_AwaitingApproval_and_start_nothing()
        {
            Assert.Equal("AwaitingApproval", _driver.State);
            Assert.Empty(_driver.Starts);
            SuggestionsAwaitingApproval waiting = Assert.Single(_bus.Published<SuggestionsAwaitingApproval>());
            Assert.Equal([301.0, 302.0], waiting.Suggestions.Select(p => p.Values["T_anneal"]));
            Assert.Equal(JournalKinds.ApprovalRequested, _bus.Departures.KindsBefore<SuggestionsAwaitingApproval>()[^1]);
        }

        [Fact]
        public async Task Should_start_the_batch_once_approved()
        {
            await _driver.SendControlAsync(CampaignScript.Approve(_driver.CampaignId, approved: true));

            Assert.Equal("Running", _driver.State);
            Assert.Equal([301.0, 302.0], _driver.Starts.Select(s => s.Parameters.Values["T_anneal"]));
            Assert.True(Assert.Single(_bus.Journal.Payloads<ApproveSuggestions>(JournalKinds.SuggestionsApproved)).Approved);
        }

        [Fact]
        public async Task Should_discard_a_rejected_batch_and_ask_again()
        {
            await _driver.SendControlAsync(CampaignScript.Approve(_driver.CampaignId, approved: false));

            Assert.Empty(_driver.Starts);
            SuggestionsDiscarded discarded = Assert.Single(_bus.Journal.Payloads<SuggestionsDiscarded>(JournalKinds.SuggestionsDiscarded));
            Assert.Equal(2, discarded.Count);
            Assert.Equal("rejected by alice", discarded.Reason);

            SuggestExperiments again = _driver.Requests[^1];
            Assert.Equal(2, _driver.Requests.Count);
            Assert.Equal(2, again.Count);
            Assert.Equal(2, again.SuggestedSoFar);
            Assert.Empty(again.Pending);
        }

        [Fact]
        public async Task Should_ask_for_approval_of_every_later_batch_too()
        {
            await _driver.SendControlAsync(CampaignScript.Approve(_driver.CampaignId, approved: true));
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.AnswerAsync();

            Assert.Equal("AwaitingApproval", _driver.State);
            Assert.Equal(2, _bus.Published<SuggestionsAwaitingApproval>().Count);
            Assert.Equal(2, _driver.Starts.Count);
        }

        [Fact]
        public async Task Should_still_wait_for_approval_after_a_pause_and_resume()
        {
            await _driver.SendControlAsync(CampaignScript.Pause(_driver.CampaignId));
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));

            Assert.Empty(_driver.Starts);
            Assert.Equal("AwaitingApproval", _driver.State);
        }
    }
}
