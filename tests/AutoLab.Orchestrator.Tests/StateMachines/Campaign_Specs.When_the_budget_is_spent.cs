using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>A campaign of 5 experiments, 2 at a time, runs to the end; every experiment completes.</summary>
    public sealed class When_the_budget_is_spent : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 5, batchSize: 2));
            await _driver.RunUntilEndedAsync(s => 40 + s.Sequence);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_start_exactly_budget_experiments()
        {
            Assert.Equal([1, 2, 3, 4, 5], _driver.Starts.Select(s => s.Sequence));
            Assert.Equal(5, _driver.Requests.Sum(r => r.Count));
            Assert.Equal(2, _driver.MaxInFlight);
        }

        [Fact]
        public void Should_end_Completed_exactly_at_budget()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal(5, ended.Completed);
            Assert.Equal(0, ended.Faulted);
            Assert.Equal("budget of 5 experiments spent", ended.Reason);
            Assert.Equal("Completed", _driver.State);
        }

        [Fact]
        public void Should_journal_the_end_before_announcing_it()
        {
            Assert.Equal(JournalKinds.CampaignEnded, _bus.Departures.KindsBefore<CampaignEnded>()[^1]);
            Assert.Equal(CampaignOutcome.Completed, Assert.Single(_bus.Journal.Payloads<CampaignEnded>(JournalKinds.CampaignEnded)).Outcome);
        }

        [Fact]
        public async Task Should_ignore_late_messages_once_completed()
        {
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));

            Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(5, _driver.Starts.Count);
            Assert.Equal("Completed", _driver.State);
        }
    }
}
