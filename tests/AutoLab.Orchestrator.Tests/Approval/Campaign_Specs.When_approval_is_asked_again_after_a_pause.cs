using AutoLab.Orchestrator.Approval;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class Campaign_Specs
{
    /// <summary>
    /// A batch waits, the campaign pauses and resumes: the saga journals a second ApprovalRequested (not
    /// swallowed as a re-delivery), so the journal alone shows batch 2 waiting, as <c>autolab pending</c> reads it.
    /// </summary>
    public sealed class When_approval_is_asked_again_after_a_pause : IAsyncLifetime
    {
        SagaBus _bus = null!;
        CampaignDriver _driver = null!;

        public async Task InitializeAsync()
        {
            (_bus, _driver) = await StartBusAsync();
            await _driver.StartAsync(CampaignScript.Plan(budget: 4, batchSize: 2) with { RequireApproval = true });
            await _driver.AnswerAsync();
            await _driver.SendControlAsync(CampaignScript.Pause(_driver.CampaignId));
            await _driver.SendControlAsync(CampaignScript.Resume(_driver.CampaignId));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public async Task Should_journal_a_new_request_that_the_ledger_reads_as_the_waiting_batch()
        {
            List<JournalEntry> entries = [];
            await foreach (JournalEntry entry in _bus.Journal.ReadAllAsync(CancellationToken.None))
            {
                entries.Add(entry);
            }

            ApprovalLedger ledger = ApprovalLedger.Build(entries);

            Assert.Equal(2, _bus.Journal.Count(JournalKinds.ApprovalRequested));
            Assert.Equal([ApprovalBatchState.Superseded, ApprovalBatchState.Waiting], ledger.Batches.Select(b => b.State));
            Assert.Equal(2, ledger.Waiting!.Suggestions.Count);
            Assert.Equal("AwaitingApproval", _driver.State);
        }
    }
}
