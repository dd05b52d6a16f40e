using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// The orchestrator restarts a campaign of 4 (2 at a time) from its journal: experiments 1 and 2
    /// finished, 3 and 4 were in flight.
    /// </summary>
    public sealed class When_recovered_with_in_flight_experiments : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;
        RecoverCampaign _recover = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            Guid campaignId = _driver.CampaignId;
            CampaignPlan plan = CampaignScript.Plan(budget: 4, batchSize: 2);
            _recover = new RecoverCampaign
            {
                CampaignId = campaignId,
                IdempotencyKey = $"{campaignId:N}/recover/1",
                Timestamp = DateTimeOffset.UtcNow,
                Plan = plan,
                DataDirectory = "/runs/specs/data",
                Observations = [Finished(1, 44), Finished(2, 58)],
                InFlight = [InFlight(campaignId, plan, 3), InFlight(campaignId, plan, 4)],
                SuggestionCount = 4,
            };
            await _driver.SendControlAsync(_recover);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_republish_the_in_flight_experiments_with_the_same_ids()
        {
            Assert.Equal(_recover.InFlight.Select(s => s.ExperimentId), _driver.Starts.Select(s => s.ExperimentId));
            Assert.Equal(_recover.InFlight.Select(s => s.IdempotencyKey), _driver.Starts.Select(s => s.IdempotencyKey));
            Assert.Equal([3, 4], _driver.Starts.Select(s => s.Sequence));
        }

        [Fact]
        public void Should_journal_the_recovery_and_announce_the_finished_count()
        {
            Assert.Equal([JournalKinds.CampaignRecovered], _bus.Journal.Kinds);
            Assert.Equal(2, Assert.Single(_bus.Published<CampaignStarted>()).FinishedExperiments);
            Assert.Equal("Running", _driver.State);
        }

        [Fact]
        public void Should_ask_for_nothing_while_the_budget_is_covered()
        {
            Assert.Empty(_driver.Requests);
        }

        [Fact]
        public async Task Should_complete_at_budget_counting_the_journaled_observations()
        {
            await _driver.CompleteAsync(_driver.Starts[0], yield: 61);
            await _driver.CompleteAsync(_driver.Starts[1], yield: 49);

            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(CampaignOutcome.Completed, ended.Outcome);
            Assert.Equal(4, ended.Completed);
            Assert.Equal(2, _driver.Starts.Count);
        }

        static Observation Finished(int sequence, double yield) => new()
        {
            ExperimentId = Guid.NewGuid(),
            Sequence = sequence,
            Parameters = CampaignScript.Point(sequence),
            Objectives = new Dictionary<string, double> { ["yield"] = yield },
        };

        static StartExperiment InFlight(Guid campaignId, CampaignPlan plan, int sequence)
        {
            var experimentId = Guid.NewGuid();
            return new StartExperiment
            {
                CampaignId = campaignId,
                ExperimentId = experimentId,
                IdempotencyKey = experimentId.ToString("N"),
                Timestamp = DateTimeOffset.UtcNow.AddMinutes(-5),
                Sequence = sequence,
                Parameters = CampaignScript.Point(sequence),
                Steps = plan.Steps,
                Objectives = ["yield"],
            };
        }
    }
}
