using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// With synchronous batches the campaign asks for a whole batch only when every experiment of the previous one
    /// has finished (completed or faulted), so a batch-aware strategy sees each batch's results together; by default
    /// each freed slot is refilled at once.
    /// </summary>
    public sealed class When_batches_are_synchronous : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;
        int _requestsWhileTheFirstBatchRuns;
        int _requestsAfterTheFirstBatch;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 9, batchSize: 3) with { SynchronousBatches = true, Strategy = new StrategyPlan { Name = "gp-ei", NeedsHistory = true } };
            await _driver.StartAsync(plan);
            await _driver.AnswerAsync();
            await _driver.CompleteAsync(_driver.Starts[0]);
            await _driver.FaultAsync(_driver.Starts[1]);
            _requestsWhileTheFirstBatchRuns = _driver.Requests.Count;
            await _driver.CompleteAsync(_driver.Starts[2]);
            _requestsAfterTheFirstBatch = _driver.Requests.Count;
            await _driver.RunUntilEndedAsync(_ => 50);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_not_ask_while_an_experiment_of_the_batch_is_in_flight()
        {
            Assert.Equal(1, _requestsWhileTheFirstBatchRuns);
            Assert.Equal(2, _requestsAfterTheFirstBatch);
        }

        [Fact]
        public void Should_ask_for_whole_batches_with_every_result_of_the_previous_one()
        {
            IReadOnlyList<SuggestExperiments> requests = _driver.Requests;
            Assert.Equal([3, 3, 3], requests.Select(r => r.Count));
            Assert.Equal([0, 3, 6], requests.Select(r => r.History.Count));
            Assert.All(requests, r => Assert.Empty(r.Pending));
        }

        [Fact]
        public void Should_still_spend_the_whole_budget()
        {
            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal(9, _driver.Starts.Count);
            Assert.Equal(3, _driver.MaxInFlight);
        }
    }

    /// <summary>The default, for contrast: a freed slot is refilled at once, with the rest of the batch pending.</summary>
    public sealed class When_batches_are_asynchronous : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 9, batchSize: 3));
            await _driver.AnswerAsync();
            await _driver.CompleteAsync(_driver.Starts[0]);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_ask_for_one_point_with_the_other_two_pending()
        {
            SuggestExperiments refill = _driver.Requests[^1];
            Assert.Equal(2, _driver.Requests.Count);
            Assert.Equal(1, refill.Count);
            Assert.Equal(2, refill.Pending.Count);
        }
    }
}
