using AutoLab.Orchestrator.Approval;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.Approval;

/// <summary>
/// <c>autolab approve</c>'s checks: a decision is made only for the batch that waits, in a campaign that asks for
/// approval and is running; every refusal names the problem.
/// </summary>
public sealed class ApprovalDeskTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_decision_for_the_waiting_batch_names_it_and_carries_the_user_and_reason()
    {
        ApprovalLedger ledger = await LedgerWithBatchesAsync(decided: 1);

        ApprovalDecision decision = ApprovalDesk.Decide(ledger, new ApprovalRequest { Batch = 2, Approved = false, Reason = " too hot ", User = "carol" }, Now);

        Assert.Equal(2, decision.Batch);
        Assert.False(decision.Approved);
        Assert.Equal("carol (too hot)", decision.DecidedByWithReason);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.Equal(ledger.CampaignId, decision.CampaignId);
        Assert.StartsWith($"{ledger.CampaignId:N}/approval/batch-2/", decision.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_decides_on_whichever_batch_waits()
    {
        ApprovalLedger ledger = await LedgerWithBatchesAsync(decided: 2);

        Assert.Equal(3, ApprovalDesk.Decide(ledger, new ApprovalRequest { User = "carol" }, Now).Batch);
    }

    [Theory]
    [InlineData(9, "unknown batch 9: the journal has batches 1 to 2")]
    [InlineData(0, "unknown batch 0")]
    [InlineData(1, "batch 1 is not waiting: was approved by alice")]
    public async Task A_batch_that_is_not_the_waiting_one_is_refused_by_name(int batch, string expected)
    {
        ApprovalLedger ledger = await LedgerWithBatchesAsync(decided: 1);

        var error = Assert.Throws<ApprovalException>(() => ApprovalDesk.Decide(ledger, new ApprovalRequest { Batch = batch, User = "carol" }, Now));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_waiting_is_refused_and_says_what_became_of_the_last_batch()
    {
        ApprovalLedger ledger = await LedgerWithBatchesAsync(decided: 2, openLast: false);

        var error = Assert.Throws<ApprovalException>(() => ApprovalDesk.Decide(ledger, new ApprovalRequest { User = "carol" }, Now));

        Assert.Contains("no batch is waiting for approval; the last, batch 2, was rejected by alice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_without_approval_is_refused()
    {
        await using var script = new JournalScript(_temp.File("journal.db"), SamplePlans.Mixed());
        await script.StartAsync();
        ApprovalLedger ledger = ApprovalLedger.Build(await script.EntriesAsync());

        var error = Assert.Throws<ApprovalException>(() => ApprovalDesk.Decide(ledger, new ApprovalRequest { User = "carol" }, Now));

        Assert.Contains("campaign 'mixed' does not ask for approval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_a_journal_is_refused_naming_the_folder()
    {
        string plain = _temp.File("plain");
        Directory.CreateDirectory(plain);

        var error = await Assert.ThrowsAsync<ApprovalException>(() => ApprovalDesk.ReadAsync(plain));

        Assert.Contains(plain, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_is_not_left_when_no_orchestrator_polls_or_another_is_on_its_way()
    {
        ApprovalLedger ledger = await LedgerWithBatchesAsync(decided: 0);
        var inbox = new ApprovalInbox(_temp.Path);
        ApprovalDecision decision = ApprovalDesk.Decide(ledger, new ApprovalRequest { User = "carol" }, Now);

        var never = Assert.Throws<ApprovalException>(() => ApprovalDesk.CheckDeliverable(inbox, decision, Now));
        inbox.Beat(Now - ApprovalDesk.LivenessLimit - TimeSpan.FromSeconds(1));
        var stale = Assert.Throws<ApprovalException>(() => ApprovalDesk.CheckDeliverable(inbox, decision, Now));
        inbox.Beat(Now);
        ApprovalDesk.CheckDeliverable(inbox, decision, Now);
        inbox.Submit(decision);
        var twice = Assert.Throws<ApprovalException>(() => ApprovalDesk.CheckDeliverable(inbox, decision with { DecisionId = Guid.NewGuid() }, Now));

        Assert.Contains("no orchestrator is running this campaign (its approval poller was seen never)", never.Message, StringComparison.Ordinal);
        Assert.Contains("was seen last at", stale.Message, StringComparison.Ordinal);
        Assert.Contains("batch 1 already has a decision on its way", twice.Message, StringComparison.Ordinal);
    }

    /// <summary>A run folder whose journal has <paramref name="decided"/> decided batches (approve, reject, approve, ...) and, when asked, one more waiting.</summary>
    private async Task<ApprovalLedger> LedgerWithBatchesAsync(int decided, bool openLast = true)
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using (var script = new JournalScript(folder.JournalPath, ApprovalJournal.Plan()))
        {
            await script.StartAsync();
            for (int i = 1; i <= decided; i++)
            {
                await ApprovalJournal.RequestAsync(script, $"{i}", SamplePlans.Point(i));
                await ApprovalJournal.DecideAsync(script, $"k{i}", approved: i % 2 == 1);
            }

            if (openLast)
            {
                await ApprovalJournal.RequestAsync(script, "open", SamplePlans.Point(9));
            }
        }

        return await ApprovalDesk.ReadAsync(folder.Root);
    }
}
