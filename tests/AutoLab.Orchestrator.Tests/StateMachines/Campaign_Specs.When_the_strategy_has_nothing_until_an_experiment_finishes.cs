using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// A history-driven strategy (one sample scanned at a time) has nothing to suggest while its experiment runs: the
    /// campaign must neither stop on that empty answer nor ask again and again, but ask once more when the
    /// experiment finishes — also when it finished while the empty answer was on its way.
    /// </summary>
    public sealed class When_the_strategy_has_nothing_until_an_experiment_finishes : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;
        int _requestsAfterEmptyAnswer;
        int _requestsAfterFinish;
        int _requestsAfterLateFinish;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 10, batchSize: 2) with { Strategy = new StrategyPlan { Name = "adaptive-scan", NeedsHistory = true } };
            await _driver.StartAsync(plan);
            await _driver.AnswerAsync(count: 1);       // one scan starts; the campaign asks for a second point
            await _driver.AnswerAsync(count: 0);       // nothing while the scan runs
            _requestsAfterEmptyAnswer = _driver.Requests.Count;
            await _driver.CompleteAsync(_driver.Starts[0]);
            _requestsAfterFinish = _driver.Requests.Count;

            // The late case: the second scan finishes while the request it caused is still unanswered.
            await _driver.AnswerAsync(count: 1);
            await _driver.CompleteAsync(_driver.Starts[1]);
            await _driver.AnswerAsync(count: 0);
            _requestsAfterLateFinish = _driver.Requests.Count;
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_wait_for_the_experiment_instead_of_asking_again_at_once()
        {
            Assert.Equal(2, _requestsAfterEmptyAnswer);
            Assert.Equal(3, _requestsAfterFinish);
        }

        [Fact]
        public void Should_ask_again_after_a_late_finish_rather_than_stop()
        {
            Assert.Empty(_bus.Published<CampaignEnded>());
            Assert.True(_requestsAfterLateFinish > 4, $"after the empty answer that raced the finish the campaign should ask again; it sent {_requestsAfterLateFinish} requests");
            Assert.Equal(2, _driver.Requests[^1].History.Count);
        }
    }
}
