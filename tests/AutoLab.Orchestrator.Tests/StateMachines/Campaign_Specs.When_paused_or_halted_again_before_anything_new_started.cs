using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// An operator pauses (or halts), resumes, and pauses (or halts) again while the campaign is still
    /// waiting for suggestions, so no experiment started in between. Recovery reads the last control
    /// entry of the journal, so the second pause or halt must be journaled as well.
    /// </summary>
    public sealed class When_paused_or_halted_again_before_anything_new_started : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.AnswerAsync();
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.CompleteAsync(_driver.Starts[1]);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public async Task Should_journal_the_second_pause_after_the_resume()
        {
            await _driver.SendControlAsync(CampaignScript.Pause(_driver.CampaignId));
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));
            await _driver.SendControlAsync(CampaignScript.Pause(_driver.CampaignId));

            Assert.Equal("Paused", _driver.State);
            Assert.Equal(2, _bus.Published<CampaignPaused>().Count);
            Assert.Equal(JournalKinds.CampaignPaused, LastControlEntry());
        }

        [Fact]
        public async Task Should_journal_the_second_halt_after_the_resume()
        {
            await _driver.SendControlAsync(CampaignScript.Halt(_driver.CampaignId));
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));
            await _driver.SendControlAsync(CampaignScript.Halt(_driver.CampaignId) with { IdempotencyKey = $"{_driver.CampaignId:N}/halt/2" });

            Assert.Equal("Halted", _driver.State);
            Assert.Equal(2, _bus.Published<CampaignEnded>().Count);
            Assert.Equal(JournalKinds.CampaignEnded, LastControlEntry());
        }

        /// <summary>The kind CampaignReplay decides "paused/halted or running" from.</summary>
        string LastControlEntry() => _bus.Journal.Kinds.Last(k =>
            k is JournalKinds.CampaignStarted or JournalKinds.CampaignRecovered or JournalKinds.CampaignPaused
                or JournalKinds.CampaignResumed or JournalKinds.CampaignEnded);
    }
}
