using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>Every experiment faults; the fault policy allows at most half of at least 4 finished experiments to fault.</summary>
    public sealed class When_too_many_experiments_fault : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 20, batchSize: 1) with { FaultPolicy = new FaultPolicy { MaxFaultFraction = 0.5, MinExperiments = 4 } };
            await _driver.StartAsync(plan);
            await _driver.RunUntilEndedAsync(_ => null);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_end_Faulted_by_the_fault_policy_once_min_experiments_finished()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Faulted, ended.Outcome);
            Assert.Equal(4, ended.Faulted);
            Assert.StartsWith("fault policy: 4 of 4 experiments faulted", ended.Reason, StringComparison.Ordinal);
            Assert.Equal("Faulted", _driver.State);
        }

        [Fact]
        public void Should_start_nothing_after_the_policy_trips()
        {
            Assert.Equal(4, _driver.Starts.Count);
        }
    }
}
