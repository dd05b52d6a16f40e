using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.RunFolders;

/// <summary>observations.csv is exact: columns in space order with units, other analysis outputs after the objectives, RFC 4180 quoting, round-trip numbers.</summary>
public sealed class ObservationsCsvWriterTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private JournalScript _script = null!;

    public async Task InitializeAsync()
    {
        _script = new JournalScript(_folder.File("journal.db"), SamplePlans.Mixed());
        await _script.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _script.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_small_campaign_is_written_exactly()
    {
        await _script.SuggestAsync(SamplePlans.Point(1.5, 2), SamplePlans.Point(0.1 + 0.2, 3, "ethanol, 95%"), SamplePlans.Point(7), SamplePlans.Point(8));
        StartExperiment one = await _script.StartExperimentAsync(SamplePlans.Point(1.5, 2));
        StartExperiment two = await _script.StartExperimentAsync(SamplePlans.Point(0.1 + 0.2, 3, "ethanol, 95%"));
        StartExperiment three = await _script.StartExperimentAsync(SamplePlans.Point(7));
        await _script.StartExperimentAsync(SamplePlans.Point(8));
        await _script.CompleteAsync(two, new Dictionary<string, double> { ["yield"] = 81.25, ["cost"] = 3 }, new Dictionary<string, double> { ["yield"] = 0.5 });
        await _script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 12, ["cost"] = 1e-7 });
        await _script.FaultAsync(three, ExperimentStep.Measure, StepFaultKind.DeviceError, "detector said \"overflow\", gave up");

        string csv = ObservationsCsvWriter.Format(await _script.EntriesAsync());

        string expected =
            "experiment_id,sequence,x1[mm],n,solvent,yield[%],yield_sd[%],cost,status,fault_reason\r\n" +
            $"{one.ExperimentId},1,1.5,2,water,12,,1E-07,Completed,\r\n" +
            $"{two.ExperimentId},2,0.30000000000000004,3,\"ethanol, 95%\",81.25,0.5,3,Completed,\r\n" +
            $"{three.ExperimentId},3,7,1,water,,,,Faulted,\"Measure DeviceError: detector said \"\"overflow\"\", gave up\"\r\n";
        Assert.Equal(expected, csv);
    }

    [Fact]
    public async Task Without_uncertainties_there_is_no_sd_column_and_without_experiments_only_the_header()
    {
        string headerOnly = ObservationsCsvWriter.Format(await _script.EntriesAsync());
        await _script.SuggestAsync(SamplePlans.Point(2));
        StartExperiment one = await _script.StartExperimentAsync(SamplePlans.Point(2));
        await _script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 1, ["cost"] = 2 });

        string csv = ObservationsCsvWriter.Format(await _script.EntriesAsync());

        Assert.Equal("experiment_id,sequence,x1[mm],n,solvent,yield[%],cost,status,fault_reason\r\n", headerOnly);
        Assert.Equal(headerOnly + $"{one.ExperimentId},1,2,1,water,1,2,Completed,\r\n", csv);
    }

    [Fact]
    public async Task Analysis_outputs_that_are_not_objectives_get_columns_of_their_own_in_name_order_after_the_objectives()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2));
        StartExperiment one = await _script.StartExperimentAsync(SamplePlans.Point(1));
        StartExperiment two = await _script.StartExperimentAsync(SamplePlans.Point(2));
        await _script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 1, ["cost"] = 2, ["size"] = 52.5, ["family_confidence"] = 0.9 }, new Dictionary<string, double> { ["size"] = 4 });
        await _script.CompleteAsync(two, new Dictionary<string, double> { ["yield"] = 3, ["cost"] = 4, ["family_confidence"] = 0.5 });

        string csv = ObservationsCsvWriter.Format(await _script.EntriesAsync());

        string expected =
            "experiment_id,sequence,x1[mm],n,solvent,yield[%],cost,family_confidence,size,size_sd,status,fault_reason\r\n" +
            $"{one.ExperimentId},1,1,1,water,1,2,0.9,52.5,4,Completed,\r\n" +
            $"{two.ExperimentId},2,2,1,water,3,4,0.5,,,Completed,\r\n";
        Assert.Equal(expected, csv);
    }

    [Fact]
    public async Task Writing_replaces_the_file_in_one_step_and_leaves_no_temporary_files()
    {
        string path = _folder.File("observations.csv");
        await File.WriteAllTextAsync(path, "stale");

        await ObservationsCsvWriter.WriteAsync(path, await _script.EntriesAsync());

        Assert.StartsWith("experiment_id,", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }
}
