using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>An operator pauses a campaign with 2 experiments in flight, then resumes it.</summary>
    public sealed class When_paused_and_resumed : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.AnswerAsync();
            await _driver.SendControlAsync(CampaignScript.Pause(_driver.CampaignId));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public async Task Should_start_and_ask_for_nothing_while_pausing()
        {
            await _driver.CompleteAsync(_driver.Starts[0]);

            Assert.Equal("Pausing", _driver.State);
            Assert.Equal(2, _driver.Starts.Count);
            Assert.Single(_driver.Requests);
            Assert.Empty(_bus.Published<CampaignPaused>());
        }

        [Fact]
        public async Task Should_publish_CampaignPaused_when_the_last_experiment_finishes()
        {
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.FaultAsync(_driver.Starts[1]);

            Assert.Equal("Paused", _driver.State);
            Assert.Single(_bus.Published<CampaignPaused>());
            Assert.Equal(2, _driver.Starts.Count);
        }

        [Fact]
        public async Task Should_journal_the_pause_once_drained_so_that_recovery_comes_back_paused()
        {
            await _driver.CompleteAsync(_driver.Starts[0]);
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.CampaignPaused));
            await _driver.CompleteAsync(_driver.Starts[1]);

            // CampaignReplay reads a campaign as paused when its last control entry is a CampaignPaused.
            CampaignPaused paused = Assert.Single(_bus.Journal.Payloads<CampaignPaused>(JournalKinds.CampaignPaused));
            Assert.Equal(_driver.CampaignId, paused.CampaignId);
            Assert.Equal(JournalKinds.CampaignPaused, _bus.Departures.KindsBefore<CampaignPaused>()[^1]);
        }

        [Fact]
        public async Task Should_carry_on_after_resume()
        {
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.CompleteAsync(_driver.Starts[1]);
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));

            Assert.Equal("Running", _driver.State);
            Assert.Equal(1, _bus.Journal.Count(JournalKinds.CampaignResumed));
            SuggestExperiments request = _driver.Requests[^1];
            Assert.Equal(2, _driver.Requests.Count);
            Assert.Equal(2, request.Count);
        }

        [Fact]
        public async Task Should_resume_without_waiting_when_resumed_while_still_pausing()
        {
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));
            await _driver.CompleteAsync(_driver.Starts[0]);

            Assert.Equal("Running", _driver.State);
            Assert.Empty(_bus.Published<CampaignPaused>());
            Assert.Equal(1, _driver.Requests[^1].Count);
        }
    }
}
