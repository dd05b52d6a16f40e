using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// The broker delivers a suggestion answer and an experiment result twice, and an answer to a request
    /// this campaign never made (one sent before a restart) turns up.
    /// </summary>
    public sealed class When_an_answer_or_result_is_redelivered : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 3, batchSize: 1));
            await _driver.AnswerAsync();
            // The same answer again, then an answer to a request id this campaign never sent.
            await _bus.PublishAsync(CampaignScript.Answer(_driver.Requests[0], [CampaignScript.Point(99)]));
            await _bus.PublishAsync(CampaignScript.Answer(_driver.Requests[0] with { RequestId = Guid.NewGuid() }, [CampaignScript.Point(98)]));

            StartExperiment first = _driver.Starts[0];
            await _driver.CompleteAsync(first, yield: 50);
            await _driver.CompleteAsync(first, yield: 50);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_queue_only_the_first_answer_to_the_outstanding_request()
        {
            Assert.Equal(1, _bus.Journal.Count(JournalKinds.SuggestionsReceived));
            Assert.DoesNotContain(_driver.Starts, s => s.Parameters.Values["T_anneal"] is 399 or 398);
        }

        [Fact]
        public void Should_count_the_result_once()
        {
            Assert.Equal(2, _driver.Requests.Count);
            Assert.Single(_driver.Starts);
        }

        [Fact]
        public async Task Should_still_end_with_the_right_counts()
        {
            await _driver.RunUntilEndedAsync(_ => 60);

            CampaignEnded ended = Assert.Single(_bus.Published<CampaignEnded>());
            Assert.Equal(3, ended.Completed);
            Assert.Equal(3, _driver.Starts.Count);
        }
    }
}
