using System.Diagnostics;
using System.Text.Json;
using AutoLab.IntegrationTests.Support;
using AutoLab.Orchestrator.Approval;
using AutoLab.Orchestrator.Journal;
using Xunit.Abstractions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// Human in the loop across processes: <c>autolab run examples/approval.yaml</c> waits on every batch while
/// <c>autolab pending</c> and <c>autolab approve</c>, run as separate processes, list, reject and approve them;
/// the decisions are journaled with the user's name, and the run ends with its Bluesky documents written.
/// </summary>
[Collection(SharedBrokerCollection.Name)]
public sealed class ApprovalCampaignTests(ITestOutputHelper output)
{
    /// <summary>
    /// A decision left in the run folder is journaled within this: the poller looks every 0.25 s, and the rest
    /// is a journal read and one in-memory message (generous, for a loaded 2-core machine).
    /// </summary>
    private static readonly TimeSpan PickupLimit = TimeSpan.FromSeconds(2);

    /// <summary>The whole approval dialogue (12 experiments, about five batches) ends well within this.</summary>
    private static readonly TimeSpan CampaignLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public Task A_running_campaign_waits_for_each_batch_and_obeys_approve_and_reject_from_another_process() =>
        RunDialogueAsync("approval", [], checkExports: true);

    [Fact]
    public Task The_same_dialogue_works_when_the_campaign_runs_over_RabbitMQ() =>
        RunDialogueAsync("approval-rabbit", ["--transport", "rabbitmq", "--rabbitmq", BrokerEnvironment.RequireUri()], checkExports: false);

    private async Task RunDialogueAsync(string label, string[] transport, bool checkExports)
    {
        RunFolderFiles run = RunFolderFiles.NewTemp(label);
        using Process campaign = AutoLabCommand.Start(["run", RepositoryPaths.Of("examples", "approval.yaml"), "--out", run.Root, .. transport]);
        var clock = Stopwatch.StartNew();
        int decided = 0;
        string? pendingText = null;
        int lastDecided = 0;
        var pickups = new List<TimeSpan>();
        AutoLabCommand.Result? rejection = null;
        AutoLabCommand.Result? approval = null;
        try
        {
            while (!campaign.HasExited && clock.Elapsed < CampaignLimit)
            {
                ApprovalBatch? waiting = await WaitingBatchAsync(run.Root);
                if (waiting is null)
                {
                    await Task.Delay(100);
                    continue;
                }

                if (waiting.Number == lastDecided)
                {
                    await Task.Delay(50); // our decision is on its way
                    continue;
                }

                lastDecided = waiting.Number;
                if (decided == 0)
                {
                    pendingText = (await AutoLabCommand.RunAsync(["pending", run.Root])).Output;
                    rejection = await AutoLabCommand.RunAsync(["approve", run.Root, "--batch", "1", "--reject", "--reason", "too close to the last point"]);
                }
                else if (decided == 1)
                {
                    approval = await AutoLabCommand.RunAsync(["approve", run.Root, "--batch", $"{waiting.Number}"]);
                }
                else
                {
                    // Later batches: the same decision file the CLI writes, left from this (another) process
                    // without starting a .NET process per batch, to keep the test short.
                    ApprovalDecision decision = ApprovalDesk.Decide(
                        await ApprovalDesk.ReadAsync(run.Root), new ApprovalRequest { User = Environment.UserName }, DateTimeOffset.UtcNow);
                    var submitted = Stopwatch.StartNew();
                    new ApprovalInbox(run.Root).Submit(decision);
                    while (!(await ApprovalDesk.ReadAsync(run.Root)).HasDecision(decision.IdempotencyKey) && submitted.Elapsed < CampaignLimit)
                    {
                        await Task.Delay(10);
                    }

                    pickups.Add(submitted.Elapsed);
                }

                decided++;
            }

            await campaign.WaitForExitAsync(new CancellationTokenSource(CampaignLimit).Token);
        }
        finally
        {
            if (!campaign.HasExited)
            {
                campaign.Kill(entireProcessTree: true);
            }
        }

        output.WriteLine($"{decided} decisions; in-process pickups (file to journal): {string.Join(", ", pickups.Select(p => $"{p.TotalMilliseconds:F0} ms"))}");
        Assert.Equal(0, campaign.ExitCode);
        Assert.All(pickups, p => Assert.True(p < PickupLimit, $"a decision took {p.TotalMilliseconds:F0} ms to be journaled"));
        Assert.Contains("batch 1 of campaign 'approval-branin' waits since", pendingText, StringComparison.Ordinal);
        Assert.True(rejection!.ExitCode == 0, rejection.ToString());
        Assert.True(approval!.ExitCode == 0, approval.ToString());
        Assert.Contains("approved by", approval.Output, StringComparison.Ordinal);
        Assert.Equal(12, run.Observations().Rows.Count);
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());

        ApprovalLedger ledger = await ApprovalLedger.ReadAsync(Path.Combine(run.Root, "journal.db"));
        Assert.Equal(ApprovalBatchState.Rejected, ledger.Batches[0].State);
        Assert.Equal($"{Environment.UserName} (too close to the last point)", ledger.Batches[0].Decision!.ApprovedBy);
        Assert.All(ledger.Batches.Skip(1).Where(b => b.State != ApprovalBatchState.Superseded), b => Assert.Equal(ApprovalBatchState.Approved, b.State));
        Assert.Contains(run.Journal(), e => e.Kind == JournalKinds.SuggestionsDiscarded && e.Payload.Contains($"rejected by {Environment.UserName}", StringComparison.Ordinal));

        string[] documents = File.ReadAllLines(Path.Combine(run.Root, "bluesky", "documents.jsonl"));
        JsonElement stop = JsonDocument.Parse(documents[^1]).RootElement;
        Assert.Equal("stop", stop[0].GetString());
        Assert.Equal(12, stop[1].GetProperty("num_events").GetProperty("primary").GetInt32());

        AutoLabCommand.Result late = await AutoLabCommand.RunAsync(["approve", run.Root, "--all"]);
        Assert.Equal(2, late.ExitCode);
        Assert.Contains("the campaign has ended (Completed", late.Error, StringComparison.Ordinal);
        if (checkExports)
        {
            await CheckExportsAsync(run.Root);
        }
    }

    /// <summary>
    /// <c>autolab export</c> rewrites the same files the run wrote at its end, and the Python reader of
    /// examples/adapters/python accepts this run's documents.
    /// </summary>
    private static async Task CheckExportsAsync(string root)
    {
        string exported = Path.Combine(Path.GetTempPath(), $"autolab-export-{Guid.NewGuid():N}");
        AutoLabCommand.Result bluesky = await AutoLabCommand.RunAsync(["export", root, "--format", "bluesky", "--out", exported]);
        AutoLabCommand.Result csv = await AutoLabCommand.RunAsync(["export", root, "--format", "csv", "--out", exported]);
        Assert.True(bluesky.ExitCode == 0 && csv.ExitCode == 0, $"{bluesky}\n{csv}");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(root, "bluesky", "documents.jsonl")), await File.ReadAllTextAsync(Path.Combine(exported, "documents.jsonl")));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(root, "observations.csv")), await File.ReadAllTextAsync(Path.Combine(exported, "observations.csv")));

        var python = new ProcessStartInfo("/usr/bin/python3", ["-m", "unittest", "test_bluesky_documents"])
        {
            WorkingDirectory = RepositoryPaths.Of("examples", "adapters", "python"),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        python.Environment["AUTOLAB_BLUESKY_DOCUMENTS"] = Path.Combine(root, "bluesky", "documents.jsonl");
        using Process reader = Process.Start(python)!;
        string report = await reader.StandardError.ReadToEndAsync();
        await reader.WaitForExitAsync();
        Assert.True(reader.ExitCode == 0, report);
    }

    [Fact]
    public async Task Approving_a_folder_without_a_journal_fails_with_exit_code_2_naming_the_folder()
    {
        string plain = Path.Combine(Path.GetTempPath(), $"autolab-no-journal-{Guid.NewGuid():N}");
        Directory.CreateDirectory(plain);

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["approve", plain, "--all"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(plain, result.Error, StringComparison.Ordinal);
    }

    private static async Task<ApprovalBatch?> WaitingBatchAsync(string root)
    {
        try
        {
            return (await ApprovalLedger.ReadAsync(Path.Combine(root, "journal.db"))).Waiting;
        }
        catch (JournalException)
        {
            return null; // not created yet
        }
    }
}
