using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>The campaign gives up after 2 completed experiments without a better yield: 50, 40, 45 %.</summary>
    public sealed class When_the_objective_stops_improving : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 10, batchSize: 1) with { Termination = new TerminationPlan { MaxExperimentsWithoutImprovement = 2 } };
            await _driver.StartAsync(plan);
            double[] yields = [50, 40, 45, 99];
            await _driver.RunUntilEndedAsync(s => yields[s.Sequence - 1]);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_complete_after_the_patience_runs_out()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal("no improvement of yield in 2 experiments", ended.Reason);
            Assert.Equal(3, _driver.Starts.Count);
        }
    }
}
