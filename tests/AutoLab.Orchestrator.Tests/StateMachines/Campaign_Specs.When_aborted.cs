using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>The beam is lost: abort with 2 experiments in flight and a third suggestion queued.</summary>
    public sealed class When_aborted : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.AnswerAsync(count: 3);
            await _driver.SendControlAsync(CampaignScript.Abort(_driver.CampaignId, "beam lost"));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_end_Aborted_at_once_without_waiting_for_in_flight_experiments()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Aborted, ended.Outcome);
            Assert.Equal("beam lost", ended.Reason);
            Assert.Equal("Aborted", _driver.State);
        }

        [Fact]
        public void Should_journal_the_discarded_suggestion_and_the_end()
        {
            SuggestionsDiscarded discarded = Assert.Single(_bus.Journal.Payloads<SuggestionsDiscarded>(JournalKinds.SuggestionsDiscarded));
            Assert.Equal(1, discarded.Count);
            Assert.Equal([JournalKinds.SuggestionsDiscarded, JournalKinds.CampaignEnded], _bus.Journal.Kinds.TakeLast(2));
        }

        [Fact]
        public async Task Should_ignore_the_experiments_that_finish_afterwards()
        {
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.FaultAsync(_driver.Starts[1]);

            Assert.Equal(2, _driver.Starts.Count);
            Assert.Single(_driver.Requests);
            Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal("Aborted", _driver.State);
        }
    }
}
