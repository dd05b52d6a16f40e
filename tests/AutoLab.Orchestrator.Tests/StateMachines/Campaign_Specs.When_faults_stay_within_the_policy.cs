using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>Every other experiment faults: exactly the allowed fraction (50 %), which is not more than allowed.</summary>
    public sealed class When_faults_stay_within_the_policy : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 6, batchSize: 1) with { FaultPolicy = new FaultPolicy { MaxFaultFraction = 0.5, MinExperiments = 2 } };
            await _driver.StartAsync(plan);
            await _driver.RunUntilEndedAsync(s => s.Sequence % 2 == 0 ? null : 60);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_run_to_the_budget_and_count_both_outcomes()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal(3, ended.Completed);
            Assert.Equal(3, ended.Faulted);
            Assert.Equal(6, _driver.Starts.Count);
        }
    }
}
