using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// An operator pauses right after the start, while the first suggestion request is still out and
    /// nothing is in flight; the suggestions arrive while the campaign is paused.
    /// </summary>
    public sealed class When_suggestions_arrive_while_paused : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.SendControlAsync(CampaignScript.Pause(_driver.CampaignId));
            await _driver.AnswerAsync();
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_pause_at_once_and_queue_the_suggestions_without_starting_them()
        {
            Assert.Equal("Paused", _driver.State);
            Assert.Single(_bus.Published<CampaignPaused>());
            Assert.Equal(1, _bus.Journal.Count(JournalKinds.SuggestionsReceived));
            Assert.Empty(_driver.Starts);
        }

        [Fact]
        public async Task Should_start_the_queued_suggestions_on_resume_without_asking_again()
        {
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));

            Assert.Equal([301.0, 302.0], _driver.Starts.Select(s => s.Parameters.Values["T_anneal"]));
            Assert.Single(_driver.Requests);
        }
    }
}
