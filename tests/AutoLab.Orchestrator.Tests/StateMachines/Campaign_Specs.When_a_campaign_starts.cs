using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>A campaign of 10 experiments, 3 at a time, starts.</summary>
    public sealed class When_a_campaign_starts : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 10, batchSize: 3));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_journal_and_announce_the_start()
        {
            Assert.Equal(JournalKinds.CampaignStarted, _bus.Journal.Kinds[0]);
            CampaignStarted started = Assert.Single(_bus.Published<CampaignStarted>());
            Assert.Equal("specs", started.Name);
            Assert.Equal("Running", _driver.State);
        }

        [Fact]
        public void Should_ask_the_active_learning_service_for_batch_size_suggestions()
        {
            SuggestExperiments request = Assert.Single(_driver.Requests);
            Assert.Equal(3, request.Count);
            Assert.Equal(0, request.SuggestedSoFar);
            Assert.Empty(request.Pending);
            Assert.Equal(10, request.Budget);
            Assert.Equal(42, request.Seed);
            Assert.Equal("T_anneal", Assert.Single(request.Space).Name);
            Assert.EndsWith("/active-learning", Assert.Single(_bus.SentTo<SuggestExperiments>())?.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal(JournalKinds.SuggestionsRequested, _bus.Departures.KindsBefore<SuggestExperiments>()[^1]);
        }

        [Fact]
        public async Task Should_start_the_suggestions_in_order_with_the_plan()
        {
            await _driver.AnswerAsync();

            IReadOnlyList<StartExperiment> starts = _driver.Starts;
            Assert.Equal([1, 2, 3], starts.Select(s => s.Sequence));
            Assert.Equal([301.0, 302.0, 303.0], starts.Select(s => s.Parameters.Values["T_anneal"]));
            Assert.Equal(3, starts.Select(s => s.ExperimentId).Distinct().Count());
            Assert.All(starts, s => Assert.Equal(s.ExperimentId.ToString("N"), s.IdempotencyKey));
            Assert.All(starts, s => Assert.Equal(["yield"], s.Objectives));
            Assert.All(starts, s => Assert.Equal(3, s.Steps.Count));
            Assert.Equal(Path.Combine("/runs/specs/data", "000001"), starts[0].DataDirectory);
            Assert.Single(_driver.Requests);
        }

        [Fact]
        public async Task Should_ask_again_for_the_free_slot_passing_the_pending_points()
        {
            await _driver.AnswerAsync();
            await _driver.CompleteAsync(_driver.Starts[0], yield: 62);

            Assert.Equal(2, _driver.Requests.Count);
            SuggestExperiments again = _driver.Requests[1];
            Assert.Equal(1, again.Count);
            Assert.Equal(3, again.SuggestedSoFar);
            Assert.Equal([302.0, 303.0], again.Pending.Select(p => p.Values["T_anneal"]));
            Assert.Empty(again.History); // the random strategy does not need history
        }

        [Fact]
        public async Task Should_never_have_more_than_batch_size_in_flight_when_given_more_points_than_asked()
        {
            await _driver.AnswerAsync(count: 5);
            Assert.Equal(3, _driver.Starts.Count);

            await _driver.CompleteAsync(_driver.InFlight[0]);
            await _driver.CompleteAsync(_driver.InFlight[0]);

            Assert.Equal([1, 2, 3, 4, 5], _driver.Starts.Select(s => s.Sequence));
            Assert.Equal(3, _driver.MaxInFlight);

            // The queue is empty now: the next free slot is asked for.
            await _driver.CompleteAsync(_driver.InFlight[0]);
            Assert.Equal(1, _driver.Requests[^1].Count);
            Assert.Equal(5, _driver.Requests[^1].SuggestedSoFar);
        }
    }
}
