using System.Globalization;
using System.Text.Json;
using AutoLab.Analysis.Registry;
using AutoLab.IntegrationTests.Support;
using Xunit.Abstractions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// examples/adaptive-xrd.yaml shortened to 6 slots, with 4° spans, killed (SIGKILL) while a slot is between its windows, then
/// <c>autolab resume</c>: the diffractometer's scan sums come back from the run folder, so every slot's instrument
/// scan count runs 1, 2, 3 … across the crash instead of restarting at 1, a scan measured before the crash is not
/// added twice, and the campaign completes.
/// </summary>
/// <remarks>
/// Spans, not the example's segments: with one scan per window, "a completed scan that did not say stop" means the
/// slot has another scan to go. A segment's own stop flag says nothing about its window (only the window's last
/// segment decides). How the instrument keeps its sums does not depend on the window's shape. The kill races the
/// campaign (an in-memory scan cycle takes tens of milliseconds), so a run whose kill landed between slots, with no
/// slot's scan in flight after an earlier one of it, proves nothing and is replaced by a fresh run, up to
/// <see cref="Attempts"/> runs.
/// </remarks>
public sealed class AdaptiveXrdResumeTests(AdaptiveXrdCampaignTests.TinyModel model, ITestOutputHelper output)
    : IClassFixture<AdaptiveXrdCampaignTests.TinyModel>
{
    const int Slots = AdaptiveXrdCampaignTests.Slots;

    /// <summary>Fresh runs tried until one is killed mid-slot.</summary>
    const int Attempts = 8;

    [Fact]
    public async Task Kill_9_between_windows_then_resume_continues_every_slots_scan_count_without_restarting_at_1()
    {
        string spec = SpecFiles.Write("adaptive-xrd-resume", AdaptiveXrdCampaignTests.SpanSpec());
        Dictionary<string, string?> environment = new() { [ModelRegistry.EnvironmentVariable] = model.Folder };
        RunFolderFiles run = RunFolderFiles.NewTemp("adaptive-xrd-resume");
        for (int attempt = 1; !await KilledMidSlotAsync(spec, run, environment); attempt++)
        {
            output.WriteLine($"run {attempt}: the kill landed between slots or after the end; trying a fresh run");
            Assert.True(attempt < Attempts, $"in {Attempts} runs the kill never landed while a slot had a scan in flight after an earlier one of it");
            run = RunFolderFiles.NewTemp("adaptive-xrd-resume");
        }

        var beforeResume = run.Journal();
        List<Scan> scansBefore = [.. beforeResume.Where(e => e.Kind == "ExperimentCompleted").Select(e => Scan.Parse(e.Payload))];
        Assert.False(beforeResume.Any(e => e.Kind == "CampaignEnded"), "the kill should land before the campaign ended");
        // Each journaled measurement is one added scan; more scans in the sums files means the kill fell between adding a
        // scan and journaling it, and the resume re-sends that command (the case the scan ids are kept for).
        int addedBeforeResume = SummedScans(run);
        int measuredBeforeResume = beforeResume.Count(e => e.Kind == "MeasurementCompleted");
        output.WriteLine($"before the resume: {addedBeforeResume} scans in the sums files, {measuredBeforeResume} measurements journaled");
        Assert.InRange(addedBeforeResume, measuredBeforeResume, measuredBeforeResume + 1);

        AutoLabCommand.Result resumed = await AutoLabCommand.RunAsync(["resume", run.Root], TimeSpan.FromMinutes(2), environment);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        output.WriteLine(resumed.Output);
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());
        var after = run.Journal();
        Assert.True(beforeResume.SequenceEqual(after.Take(beforeResume.Count)), "entries journaled before the crash must be kept unchanged");
        List<string?> started = [.. after.Where(e => e.Kind == "ExperimentStarted").Select(e => e.Experiment)];
        Assert.True(started.Distinct().Count() == started.Count, "a restarted experiment keeps its id, so none is journaled as started twice");
        Assert.Equal(started.Count, run.Observations().Rows.Count);

        List<Scan> scans = [.. after.Where(e => e.Kind == "ExperimentCompleted").Select(e => Scan.Parse(e.Payload)).OrderBy(s => s.Sequence)];
        HashSet<int> sequencesBefore = [.. scansBefore.Select(s => s.Sequence)];
        int continued = 0;
        foreach (IGrouping<int, Scan> slot in scans.GroupBy(s => s.Slot).OrderBy(g => g.Key))
        {
            Scan[] completed = [.. slot];
            output.WriteLine($"slot {slot.Key}: " + string.Join(" | ", completed.Select(s => string.Create(CultureInfo.InvariantCulture, $"#{s.Sequence} scans {s.InstrumentScans}{(sequencesBefore.Contains(s.Sequence) ? " (before the crash)" : "")}"))));
            // The k-th completed scan of a slot is the instrument's k-th scan of it: the sums neither restarted nor counted a scan twice.
            Assert.Equal(Enumerable.Range(1, completed.Length).Select(k => (double)k), completed.Select(s => s.InstrumentScans));
            if (completed.Any(s => sequencesBefore.Contains(s.Sequence)) && completed.Any(s => !sequencesBefore.Contains(s.Sequence)))
            {
                continued++;
            }
        }

        Assert.True(scans.Select(s => s.Slot).Distinct().Count() == Slots, "every slot should have been measured");
        Assert.True(continued > 0, "the kill was chosen while a slot had windows to go, so at least one slot must be scanned both before and after the resume");
    }

    static int SummedScans(RunFolderFiles run)
    {
        string folder = Path.Combine(run.Root, "data", "scan-sums");
        Assert.True(Directory.Exists(folder), $"the diffractometer should keep its scan sums in {folder}");
        int scans = 0;
        foreach (string file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            scans += document.RootElement.GetProperty("scans").GetInt32();
        }

        return scans;
    }

    // Runs the campaign until a slot has a completed scan that did not say stop, kills it (SIGKILL: no shutdown code
    // runs), and says whether an experiment was in flight for a slot that already had a completed scan.
    static async Task<bool> KilledMidSlotAsync(string spec, RunFolderFiles run, Dictionary<string, string?> environment)
    {
        using (var process = AutoLabCommand.Start(["run", spec, "--out", run.Root], environment))
        {
            // Drain the pipes so a chatty run cannot block on a full one before it is killed.
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await WaitUntilAsync(() => CompletedScans(run).Any(s => !s.Stopped) || process.HasExited, TimeSpan.FromSeconds(60));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
        }

        var journal = run.Journal();
        if (journal.Any(e => e.Kind == "CampaignEnded"))
        {
            return false;
        }

        HashSet<string?> finished = [.. journal.Where(e => e.Kind is "ExperimentCompleted" or "ExperimentFaulted").Select(e => e.Experiment)];
        HashSet<int> slotsWithScans = [.. journal.Where(e => e.Kind == "ExperimentCompleted").Select(e => Scan.Parse(e.Payload).Slot)];
        return journal.Where(e => e.Kind == "ExperimentStarted" && !finished.Contains(e.Experiment)).Any(e => slotsWithScans.Contains(SlotOfStarted(e.Payload)));
    }

    static int SlotOfStarted(string payload)
    {
        using JsonDocument document = JsonDocument.Parse(payload);
        return (int)document.RootElement.GetProperty("parameters").GetProperty("values").GetProperty("slot").GetDouble();
    }

    static List<Scan> CompletedScans(RunFolderFiles run)
    {
        try
        {
            return File.Exists(Path.Combine(run.Root, "journal.db"))
                ? [.. run.Journal().Where(e => e.Kind == "ExperimentCompleted").Select(e => Scan.Parse(e.Payload))]
                : [];
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return []; // the journal is being created
        }
    }

    static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the campaign did not reach a slot between windows in time");
            await Task.Delay(20);
        }
    }

    /// <summary>One completed scan as the journal holds it: its sequence, slot, the instrument's scan count and the stop decision.</summary>
    sealed record Scan(int Sequence, int Slot, double InstrumentScans, bool Stopped)
    {
        public static Scan Parse(string payload)
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement observation = Property(document.RootElement, "observation");
            JsonElement objectives = Property(observation, "objectives");
            return new Scan(
                Property(observation, "sequence").GetInt32(),
                (int)Property(Property(Property(observation, "parameters"), "values"), "slot").GetDouble(),
                Property(objectives, "scans").GetDouble(),
                Property(objectives, "stop").GetDouble() == 1);
        }

        static JsonElement Property(JsonElement element, string name) =>
            element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
