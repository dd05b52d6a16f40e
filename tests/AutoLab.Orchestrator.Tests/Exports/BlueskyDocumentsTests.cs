using System.Text.Json;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Exports;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.Exports;

/// <summary>
/// The run folder's <c>bluesky/documents.jsonl</c>: event-model documents with the fields the schemas require,
/// uids that reference each other, one event per completed experiment (faults and calibrations left out).
/// </summary>
public sealed class BlueskyDocumentsTests : IDisposable
{
    /// <summary>Times are epoch seconds from ISO timestamps; a microsecond is far below any clock tick used here.</summary>
    private const double TimeTolerance = 1e-6;

    private static readonly string[] StartRequired = ["uid", "time"];
    private static readonly string[] DescriptorRequired = ["uid", "time", "run_start", "data_keys"];
    private static readonly string[] EventFields = ["uid", "time", "descriptor", "seq_num", "data", "timestamps"];
    private static readonly string[] StopRequired = ["uid", "time", "run_start", "exit_status"];
    private static readonly string[] DataKeyRequired = ["dtype", "shape", "source"];

    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_finished_campaign_exports_start_descriptor_one_event_per_completed_experiment_and_stop_leaving_out_faults_and_calibrations()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();
        await script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2, 3, "ethanol, 95%"), SamplePlans.Point(3));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(1));
        await script.MeasureAsync(one, 11);
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 12, ["cost"] = 1 }, new Dictionary<string, double> { ["yield"] = 0.5 });
        StartExperiment two = await script.StartExperimentAsync(SamplePlans.Point(2, 3, "ethanol, 95%"));
        await script.FaultAsync(two, ExperimentStep.Measure, StepFaultKind.DeviceError, "overflow");
        StartExperiment calibration = two with { ExperimentId = Guid.NewGuid(), IdempotencyKey = "calibration-1", Sequence = 0 };
        await script.Journal.AppendExperimentStartedAsync(calibration);
        await script.MeasureAsync(calibration, 99);
        await script.CompleteAsync(calibration, new Dictionary<string, double> { ["yield"] = 99, ["cost"] = 0 });
        StartExperiment three = await script.StartExperimentAsync(SamplePlans.Point(3));
        await script.MeasureAsync(three, 33);
        await script.CompleteAsync(three, new Dictionary<string, double> { ["yield"] = 30, ["cost"] = 2 });
        await script.EndAsync(CampaignOutcome.Completed, "budget spent");

        await RunFolderExporter.ExportAsync(folder, script.Clock);
        List<(string Name, JsonElement Doc)> docs = Read(Path.Combine(folder.Root, "bluesky", "documents.jsonl"));

        Assert.Equal(["start", "descriptor", "event", "event", "stop"], docs.Select(d => d.Name));
        JsonElement start = docs[0].Doc, descriptor = docs[1].Doc, stop = docs[^1].Doc;
        JsonElement[] events = [.. docs.Where(d => d.Name == "event").Select(d => d.Doc)];
        AssertHas(start, StartRequired);
        AssertHas(descriptor, DescriptorRequired);
        AssertHas(stop, StopRequired);
        Assert.All(events, e => Assert.Equal(EventFields.Order(), e.EnumerateObject().Select(p => p.Name).Order()));

        Assert.Equal("autolab-campaign", start.GetProperty("plan_name").GetString());
        Assert.Equal(script.CampaignId.ToString("D"), start.GetProperty("campaign_id").GetString());
        Assert.Equal("mixed", start.GetProperty("spec_name").GetString());
        Assert.Equal(3, start.GetProperty("parameter_space").GetArrayLength());
        Assert.Equal(["yield", "cost"], start.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("name").GetString()));

        string runUid = start.GetProperty("uid").GetString()!;
        string descriptorUid = descriptor.GetProperty("uid").GetString()!;
        Assert.Equal(runUid, descriptor.GetProperty("run_start").GetString());
        Assert.Equal("primary", descriptor.GetProperty("name").GetString());
        Assert.All(events, e => Assert.Equal(descriptorUid, e.GetProperty("descriptor").GetString()));
        Assert.Equal([1, 2], events.Select(e => e.GetProperty("seq_num").GetInt32()));
        Assert.Equal([one.ExperimentId.ToString("D"), three.ExperimentId.ToString("D")], events.Select(e => e.GetProperty("uid").GetString()));
        Assert.Equal(runUid, stop.GetProperty("run_start").GetString());
        Assert.Equal("success", stop.GetProperty("exit_status").GetString());
        Assert.Equal(events.Length, stop.GetProperty("num_events").GetProperty("primary").GetInt32());

        JsonElement keys = descriptor.GetProperty("data_keys");
        Assert.All(keys.EnumerateObject(), k => AssertHas(k.Value, DataKeyRequired));
        Assert.Equal("mm", keys.GetProperty("x1").GetProperty("units").GetString());
        Assert.Equal("integer", keys.GetProperty("n").GetProperty("dtype").GetString());
        Assert.Equal("string", keys.GetProperty("solvent").GetProperty("dtype").GetString());
        Assert.Equal("%", keys.GetProperty("yield_sd").GetProperty("units").GetString());
        Assert.Equal("autolab:instrument/xrd/intensity", keys.GetProperty("xrd_intensity").GetProperty("source").GetString());
        foreach (JsonElement e in events)
        {
            string[] dataNames = [.. e.GetProperty("data").EnumerateObject().Select(p => p.Name).Order()];
            Assert.Equal(dataNames, e.GetProperty("timestamps").EnumerateObject().Select(p => p.Name).Order());
            Assert.All(dataNames, n => Assert.True(keys.TryGetProperty(n, out _), $"event data key {n} is described"));
        }

        JsonElement first = events[0].GetProperty("data");
        Assert.Equal(11, first.GetProperty("xrd_intensity").GetDouble());
        Assert.Equal(12, first.GetProperty("yield").GetDouble());
        Assert.Equal(0.5, first.GetProperty("yield_sd").GetDouble());
        Assert.Equal("water", first.GetProperty("solvent").GetString());
        Assert.Equal(1, first.GetProperty("experiment_sequence").GetInt32());
        Assert.Equal(3, events[1].GetProperty("data").GetProperty("experiment_sequence").GetInt32());
        Assert.True(start.GetProperty("time").GetDouble() <= events[0].GetProperty("time").GetDouble() + TimeTolerance, "the run starts before its first event");
    }

    [Theory]
    [InlineData(CampaignOutcome.Aborted, "abort")]
    [InlineData(CampaignOutcome.Faulted, "fail")]
    [InlineData(CampaignOutcome.Halted, "abort")]
    public async Task The_stop_document_maps_the_campaign_outcome_to_an_exit_status(CampaignOutcome outcome, string exitStatus)
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();
        await script.EndAsync(outcome, "why");

        List<(string Name, JsonElement Doc)> docs = Read(await BlueskyExporter.ExportAsync(folder, _temp.File("out")));

        Assert.Equal(exitStatus, docs[^1].Doc.GetProperty("exit_status").GetString());
        Assert.Equal(0, docs[^1].Doc.GetProperty("num_events").GetProperty("primary").GetInt32());
        Assert.Equal("why", docs[^1].Doc.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_running_campaign_has_no_stop_yet_and_exporting_twice_gives_the_same_bytes()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();
        await script.SuggestAsync(SamplePlans.Point(1));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(1));
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 1, ["cost"] = 1 });

        string path = await BlueskyExporter.ExportAsync(folder);
        string firstText = await File.ReadAllTextAsync(path);
        await BlueskyExporter.ExportAsync(folder);

        Assert.Equal(Path.Combine(folder.Root, "bluesky", "documents.jsonl"), path);
        Assert.Equal(["start", "descriptor", "event"], Read(path).Select(d => d.Name));
        Assert.Equal(firstText, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_measured_file_becomes_a_resource_and_datum_before_its_event_which_refers_to_it_unfilled()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        string file = Path.Combine(folder.DataDirectory, "000001", "measure-pattern.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "two_theta,pattern\n10,5\n10.05,7\n10.1,6\n");
        await using var script = new JournalScript(folder.JournalPath, SamplePlans.Mixed());
        await script.StartAsync();
        await script.SuggestAsync(SamplePlans.Point(1));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(1));
        await script.MeasureAsync(one, 11, new AutoLab.Contracts.DataReference { Key = "pattern", Uri = new Uri(file).AbsoluteUri, MediaType = "text/csv", Sha256 = "abc" });
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 12, ["cost"] = 1 });
        await script.EndAsync(CampaignOutcome.Completed, "budget spent");

        List<(string Name, JsonElement Doc)> docs = Read(await BlueskyExporter.ExportAsync(folder));

        Assert.Equal(["start", "descriptor", "resource", "datum", "event", "stop"], docs.Select(d => d.Name));
        JsonElement descriptor = docs[1].Doc, resource = docs[2].Doc, datum = docs[3].Doc, @event = docs[4].Doc;
        JsonElement key = descriptor.GetProperty("data_keys").GetProperty("xrd_pattern");
        Assert.Equal("array", key.GetProperty("dtype").GetString());
        Assert.Equal([3], key.GetProperty("shape").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal("FILESTORE:", key.GetProperty("external").GetString());
        Assert.Equal("AUTOLAB_CSV", resource.GetProperty("spec").GetString());
        Assert.Equal(Path.GetFullPath(folder.Root), resource.GetProperty("root").GetString());
        Assert.Equal("data/000001/measure-pattern.csv", resource.GetProperty("resource_path").GetString());
        Assert.Equal(docs[0].Doc.GetProperty("uid").GetString(), resource.GetProperty("run_start").GetString());
        Assert.Equal(resource.GetProperty("uid").GetString(), datum.GetProperty("resource").GetString());
        Assert.Equal(datum.GetProperty("datum_id").GetString(), @event.GetProperty("data").GetProperty("xrd_pattern").GetString());
        Assert.False(@event.GetProperty("filled").GetProperty("xrd_pattern").GetBoolean());
        Assert.True(@event.GetProperty("timestamps").TryGetProperty("xrd_pattern", out _), "the datum id is timestamped like every other value");
    }

    private static List<(string Name, JsonElement Doc)> Read(string path) =>
        [.. File.ReadAllLines(path).Select(line =>
        {
            JsonElement pair = JsonDocument.Parse(line).RootElement;
            Assert.Equal(2, pair.GetArrayLength());
            return (pair[0].GetString()!, pair[1].Clone());
        })];

    private static void AssertHas(JsonElement document, string[] fields) =>
        Assert.All(fields, f => Assert.True(document.TryGetProperty(f, out _), $"required field '{f}' is present"));
}
