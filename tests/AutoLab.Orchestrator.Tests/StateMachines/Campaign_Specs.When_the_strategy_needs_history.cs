using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>A Bayesian-optimization strategy needs the observations so far with every request.</summary>
    public sealed class When_the_strategy_needs_history : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            CampaignPlan plan = CampaignScript.Plan(budget: 10, batchSize: 2) with { Strategy = new StrategyPlan { Name = "gp-ei", NeedsHistory = true } };
            await _driver.StartAsync(plan);
            await _driver.AnswerAsync();
            await _driver.CompleteAsync(_driver.Starts[1], yield: 71);
            await _driver.AnswerAsync();
            await _driver.FaultAsync(_driver.Starts[0]);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_send_the_finished_experiments_ordered_by_sequence()
        {
            SuggestExperiments last = _driver.Requests[^1];
            Assert.Equal([1, 2], last.History.Select(o => o.Sequence));
            Assert.False(last.History[0].Succeeded);
            Assert.Equal(71, last.History[1].Objectives["yield"]);
        }

        [Fact]
        public void Should_journal_requests_without_the_history_it_can_rebuild()
        {
            IReadOnlyList<SuggestExperiments> journaled = _bus.Journal.Payloads<SuggestExperiments>(JournalKinds.SuggestionsRequested);
            Assert.Equal(3, journaled.Count);
            Assert.All(journaled, r => Assert.Empty(r.History));
        }
    }
}
