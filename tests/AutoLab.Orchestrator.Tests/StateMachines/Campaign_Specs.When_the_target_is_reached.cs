using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>The campaign stops once yield reaches 90 %; experiment 1 gets 95 % while experiment 2 still runs and a third point is queued.</summary>
    public sealed class When_the_target_is_reached : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 10, batchSize: 2) with { Termination = new TerminationPlan { TargetValue = 90 } };
            await _driver.StartAsync(plan);
            await _driver.AnswerAsync(count: 3);
            await _driver.CompleteAsync(_driver.Starts[0], yield: 95);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_stop_starting_and_asking()
        {
            Assert.Equal(2, _driver.Starts.Count);
            Assert.Single(_driver.Requests);
            Assert.Equal("Running", _driver.State);
            Assert.Empty(_bus.Published<CampaignEnded>());
        }

        [Fact]
        public async Task Should_complete_when_drained_naming_the_target()
        {
            await _driver.CompleteAsync(_driver.Starts[1], yield: 30);

            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal("target yield >= 90 reached by experiment 1", ended.Reason);
            Assert.Equal(2, ended.Completed);
            Assert.Equal(1, Assert.Single(_bus.Journal.Payloads<SuggestionsDiscarded>(JournalKinds.SuggestionsDiscarded)).Count);
        }
    }
}
