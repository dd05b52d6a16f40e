using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>A campaign that was paused (nothing in flight, 3 of 10 done) is recovered from its journal.</summary>
    public sealed class When_recovered_paused : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            Guid campaignId = _driver.CampaignId;
            await _driver.SendControlAsync(new RecoverCampaign
            {
                CampaignId = campaignId,
                IdempotencyKey = $"{campaignId:N}/recover/1",
                Timestamp = DateTimeOffset.UtcNow,
                Plan = CampaignScript.Plan(budget: 10, batchSize: 2),
                Observations =
                [
                    new() { ExperimentId = Guid.NewGuid(), Sequence = 1, Parameters = CampaignScript.Point(1), Objectives = new Dictionary<string, double> { ["yield"] = 40 } },
                    new() { ExperimentId = Guid.NewGuid(), Sequence = 2, Parameters = CampaignScript.Point(2), Succeeded = false },
                    new() { ExperimentId = Guid.NewGuid(), Sequence = 3, Parameters = CampaignScript.Point(3), Objectives = new Dictionary<string, double> { ["yield"] = 52 } },
                ],
                SuggestionCount = 3,
                Paused = true,
            });
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_come_back_Paused_and_start_nothing()
        {
            Assert.Equal("Paused", _driver.State);
            Assert.Empty(_driver.Starts);
            Assert.Empty(_driver.Requests);
        }

        [Fact]
        public async Task Should_continue_numbering_after_resume()
        {
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));
            await _driver.AnswerAsync();

            Assert.Equal(3, _driver.Requests[0].SuggestedSoFar);
            Assert.Equal([4, 5], _driver.Starts.Select(s => s.Sequence));
        }
    }
}
