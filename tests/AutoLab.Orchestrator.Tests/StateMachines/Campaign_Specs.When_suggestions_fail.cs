using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>The active-learning service cannot fit its model and answers the first request with SuggestionFailed.</summary>
    public sealed class When_suggestions_fail : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 2));
            await _driver.SendControlAsync(new SuggestionFailed
            {
                CampaignId = _driver.CampaignId,
                RequestId = _driver.Requests[0].RequestId,
                Timestamp = DateTimeOffset.UtcNow,
                Reason = "GP fit failed: kernel matrix is not positive definite",
            });
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_end_Faulted_with_the_strategys_reason()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Faulted, ended.Outcome);
            Assert.Equal("suggestion failed: GP fit failed: kernel matrix is not positive definite", ended.Reason);
            Assert.Equal("Faulted", _driver.State);
            Assert.Equal(CampaignOutcome.Faulted, Assert.Single(_bus.Journal.Payloads<CampaignEnded>(JournalKinds.CampaignEnded)).Outcome);
            Assert.Empty(_driver.Starts);
        }
    }
}
