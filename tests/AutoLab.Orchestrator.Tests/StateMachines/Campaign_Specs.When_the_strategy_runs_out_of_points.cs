using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>A grid strategy has visited every point: it answers a request with no suggestions and nothing is in flight.</summary>
    public sealed class When_the_strategy_runs_out_of_points : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.AnswerAsync(count: 0);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_complete_saying_so()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal("the strategy has no more points to suggest", ended.Reason);
            Assert.Single(_driver.Requests);
        }
    }
}
