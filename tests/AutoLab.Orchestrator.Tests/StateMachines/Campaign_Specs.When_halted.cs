using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>Beamtime is over: halt with 2 experiments in flight and a third suggestion queued.</summary>
    public sealed class When_halted : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.AnswerAsync(count: 3);
            await _driver.SendControlAsync(CampaignScript.Halt(_driver.CampaignId));
            await _driver.CompleteAsync(_driver.Starts[0]);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_wait_for_in_flight_experiments_without_starting_the_queued_one()
        {
            Assert.Equal("Halting", _driver.State);
            Assert.Equal(2, _driver.Starts.Count);
            Assert.Single(_driver.Requests);
            Assert.Empty(_bus.Published<CampaignEnded>());
        }

        [Fact]
        public async Task Should_end_Halted_when_the_last_experiment_finishes()
        {
            await _driver.CompleteAsync(_driver.Starts[1]);

            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Halted, ended.Outcome);
            Assert.Equal(2, ended.Completed);
            Assert.Equal("Halted", _driver.State);
            Assert.Equal(CampaignOutcome.Halted, Assert.Single(_bus.Journal.Payloads<CampaignEnded>(JournalKinds.CampaignEnded)).Outcome);
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.SuggestionsDiscarded));
        }

        [Fact]
        public async Task Should_resume_with_the_queued_suggestion()
        {
            await _driver.CompleteAsync(_driver.Starts[1]);
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));

            Assert.Equal("Running", _driver.State);
            StartExperiment third = _driver.Starts[^1];
            Assert.Equal(3, third.Sequence);
            Assert.Equal(303, third.Parameters.Values["T_anneal"]);
        }
    }
}
