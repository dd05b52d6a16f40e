using AutoLab.Orchestrator.Approval;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.Approval;

/// <summary>The ledger reads from the journal alone which batch waits and what became of the earlier ones.</summary>
public sealed class ApprovalLedgerTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Batches_are_numbered_in_journal_order_and_the_last_undecided_one_waits()
    {
        await using var script = new JournalScript(_temp.File("journal.db"), ApprovalJournal.Plan());
        await script.StartAsync();
        await ApprovalJournal.RequestAsync(script, "1", SamplePlans.Point(1), SamplePlans.Point(2));
        await ApprovalJournal.DecideAsync(script, "k1", approved: true);
        await ApprovalJournal.RequestAsync(script, "2", SamplePlans.Point(3));
        await ApprovalJournal.DecideAsync(script, "k2", approved: false, by: "bob (too hot)");
        await ApprovalJournal.RequestAsync(script, "3", SamplePlans.Point(4));

        ApprovalLedger ledger = ApprovalLedger.Build(await script.EntriesAsync());

        Assert.Equal([1, 2, 3], ledger.Batches.Select(b => b.Number));
        Assert.Equal([ApprovalBatchState.Approved, ApprovalBatchState.Rejected, ApprovalBatchState.Waiting], ledger.Batches.Select(b => b.State));
        Assert.Equal("bob (too hot)", ledger.Batches[1].Decision!.ApprovedBy);
        Assert.Equal(3, ledger.Waiting!.Number);
        Assert.Equal(4.0, Assert.Single(ledger.Waiting.Suggestions).Values["x1"]);
        Assert.True(ledger.HasDecision("k2"), "a journaled decision is known by its key");
        Assert.True(ledger.Plan!.RequireApproval);
    }

    [Fact]
    public async Task A_pause_supersedes_the_waiting_batch_and_the_request_after_the_resume_is_a_new_batch()
    {
        await using var script = new JournalScript(_temp.File("journal.db"), ApprovalJournal.Plan());
        await script.StartAsync();
        await ApprovalJournal.RequestAsync(script, "1", SamplePlans.Point(1));
        await script.PauseAsync();

        ApprovalLedger paused = ApprovalLedger.Build(await script.EntriesAsync());
        await script.ResumeAsync();
        await ApprovalJournal.RequestAsync(script, "2", SamplePlans.Point(1));
        ApprovalLedger resumed = ApprovalLedger.Build(await script.EntriesAsync());

        Assert.Null(paused.Waiting);
        Assert.Equal(ApprovalBatchState.Superseded, Assert.Single(paused.Batches).State);
        Assert.Equal(2, resumed.Waiting!.Number);
    }

    [Fact]
    public async Task A_final_end_closes_the_waiting_batch()
    {
        await using var script = new JournalScript(_temp.File("journal.db"), ApprovalJournal.Plan());
        await script.StartAsync();
        await ApprovalJournal.RequestAsync(script, "1", SamplePlans.Point(1));
        await script.EndAsync(Contracts.Orchestration.CampaignOutcome.Aborted, "operator");

        ApprovalLedger ledger = ApprovalLedger.Build(await script.EntriesAsync());

        Assert.Null(ledger.Waiting);
        Assert.Equal(Contracts.Orchestration.CampaignOutcome.Aborted, ledger.FinalEnd!.Outcome);
    }
}
