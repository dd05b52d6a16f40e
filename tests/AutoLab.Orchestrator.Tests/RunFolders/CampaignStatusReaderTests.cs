using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.RunFolders;

/// <summary>
/// <c>autolab status DIR</c> and the exports read the run folder's journal, also while the orchestrator
/// still has it open, and agree with it.
/// </summary>
public sealed class CampaignStatusReaderTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Status_of_a_live_run_is_read_beside_the_open_journal()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();
        await script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(1));

        CampaignStatusReport live = await CampaignStatusReader.ReadAsync(folder.Root, script.Clock);
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 3 });
        await script.EndAsync(CampaignOutcome.Completed, "target reached");
        CampaignStatusReport ended = await CampaignStatusReader.ReadAsync(folder.Root, script.Clock);

        Assert.Equal(folder.Root, live.RunDirectory);
        Assert.Equal(CampaignStatus.Running, live.Summary.Status);
        Assert.Equal(1, live.Summary.ExperimentsInFlight);
        Assert.True(live.CanResume);
        Assert.Equal($"Campaign 'mixed' ({script.CampaignId}) can resume: 0 finished, 1 in flight, 1 unstarted suggestions.", live.Message);
        Assert.Equal(CampaignStatus.Completed, ended.Summary.Status);
        Assert.Equal(1, ended.Summary.ExperimentsCompleted);
        Assert.False(ended.CanResume);
        Assert.Equal($"{folder.Root}\n{CampaignSummaryWriter.Describe(ended.Summary)}\n{ended.Message}", ended.ToString());
    }

    [Fact]
    public async Task Status_of_a_folder_that_is_not_a_run_folder_fails_clearly()
    {
        string plain = _temp.File("plain");
        Directory.CreateDirectory(plain);

        RunFolderException error = await Assert.ThrowsAsync<RunFolderException>(() => CampaignStatusReader.ReadAsync(plain));

        Assert.Contains("is not a run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_write_the_csv_and_summary_that_the_journal_implies()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();
        await script.SuggestAsync(SamplePlans.Point(4));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(4));
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 9, ["cost"] = 1 });

        CampaignSummary summary = await RunFolderExporter.ExportAsync(folder, script.Clock);

        List<JournalEntry> entries = await script.EntriesAsync();
        Assert.Equal(ObservationsCsvWriter.Format(entries), await File.ReadAllTextAsync(folder.ObservationsPath));
        Assert.Equal(CampaignSummaryWriter.Format(summary), await File.ReadAllTextAsync(folder.SummaryPath));
        Assert.Equal(9, summary.Best!.Value);
    }
}
