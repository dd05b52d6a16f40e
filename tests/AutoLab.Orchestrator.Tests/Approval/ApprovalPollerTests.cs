using System.Collections.Concurrent;
using System.Diagnostics;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Approval;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoLab.Orchestrator.Tests.Approval;

/// <summary>
/// The orchestrator's side: a decision left in the run folder becomes one <see cref="ApproveSuggestions"/> on the
/// bus while its batch waits, is filed as applied once journaled, and as stale when its batch stopped waiting.
/// </summary>
public sealed class ApprovalPollerTests : IAsyncLifetime
{
    /// <summary>A published decision reaches the in-memory bus's handler well within this.</summary>
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(5);

    private readonly TemporaryFolder _temp = new();
    private readonly ConcurrentQueue<ApproveSuggestions> _received = new();
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _bus = Bus.Factory.CreateUsingInMemory(cfg => cfg.ReceiveEndpoint("campaign-test", e => e.Handler<ApproveSuggestions>(c =>
        {
            _received.Enqueue(c.Message);
            return Task.CompletedTask;
        })));
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_decision_for_the_waiting_batch_is_published_once_then_filed_as_applied_when_journaled()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, ApprovalJournal.Plan());
        await script.StartAsync();
        await ApprovalJournal.RequestAsync(script, "1", SamplePlans.Point(1));
        var poller = new ApprovalPoller(folder.JournalPath, _bus, TimeProvider.System, NullLogger<ApprovalPoller>.Instance);
        var inbox = new ApprovalInbox(folder.Root);
        ApprovalDecision decision = ApprovalDesk.Decide(await ApprovalDesk.ReadAsync(folder.Root), new ApprovalRequest { Reason = "fine", User = "dave" }, script.Clock.GetUtcNow());
        inbox.Submit(decision);

        Assert.True(await poller.PollAsync(CancellationToken.None));
        Assert.True(await poller.PollAsync(CancellationToken.None), "a second look before the journal shows it must not publish again");
        ApproveSuggestions published = await ReceivedAsync();
        await ApprovalJournal.DecideAsync(script, published.IdempotencyKey, published.Approved, published.ApprovedBy);
        await poller.PollAsync(CancellationToken.None);

        Assert.Equal(decision.IdempotencyKey, published.IdempotencyKey);
        Assert.Equal("dave (fine)", published.ApprovedBy);
        Assert.True(published.Approved);
        Assert.Single(_received);
        Assert.Equal("applied", inbox.Locate(Assert.Single(Directory.GetFiles(inbox.AppliedDirectory))));
        Assert.NotNull(inbox.ReadHeartbeat());
    }

    [Fact]
    public async Task A_decision_whose_batch_stopped_waiting_is_filed_as_stale_and_never_published()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, ApprovalJournal.Plan());
        await script.StartAsync();
        await ApprovalJournal.RequestAsync(script, "1", SamplePlans.Point(1));
        ApprovalDecision decision = ApprovalDesk.Decide(await ApprovalDesk.ReadAsync(folder.Root), new ApprovalRequest { User = "dave" }, script.Clock.GetUtcNow());
        await script.PauseAsync();
        var inbox = new ApprovalInbox(folder.Root);
        inbox.Submit(decision);

        await new ApprovalPoller(folder.JournalPath, _bus, TimeProvider.System, NullLogger<ApprovalPoller>.Instance).PollAsync(CancellationToken.None);

        Assert.Single(Directory.GetFiles(inbox.StaleDirectory));
        await Task.Delay(100);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task The_poller_goes_idle_for_a_campaign_that_does_not_ask_for_approval()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();

        bool keepsPolling = await new ApprovalPoller(folder.JournalPath, _bus, TimeProvider.System, NullLogger<ApprovalPoller>.Instance).PollAsync(CancellationToken.None);

        Assert.False(keepsPolling);
        Assert.False(Directory.Exists(Path.Combine(folder.Root, ApprovalInbox.FolderName)), "no approvals/ folder for a campaign without approval");
    }

    private async Task<ApproveSuggestions> ReceivedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < DeliveryLimit)
        {
            if (_received.TryPeek(out ApproveSuggestions? message))
            {
                return message;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the poller's ApproveSuggestions never reached the bus");
    }
}
