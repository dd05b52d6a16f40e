using System.Globalization;
using System.Text.Json;
using AutoLab.ActiveLearning.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.IntegrationTests.Support;
using Xunit.Abstractions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// examples/adaptive-xrd.yaml shortened to 6 slots, with a fault rate of 0.35, runs through the whole stack (the
/// real CLI: sagas, bus, the diffractometer's sample changer and scan sums, the adaptive-xrd analysis, the
/// adaptive-scan strategy, the journal) in memory and over RabbitMQ. The campaign must complete by finishing every
/// slot; nothing may be lost or counted twice (every started experiment ends once, and the instrument's scan count
/// of a slot's k-th completed scan is k, garbage readouts and refusals included); every window holds exactly the
/// segments its decision asked for, and no slot is scanned after it stopped or beyond its windows. A third run
/// measures 4° spans (the example without <c>segment_width</c>): a slot that became confident stopped with fewer
/// scans than the most.
/// </summary>
[Collection(SharedBrokerCollection.Name)]
public sealed class AdaptiveXrdCampaignTests(AdaptiveXrdCampaignTests.TinyModel model, ITestOutputHelper output)
    : IClassFixture<AdaptiveXrdCampaignTests.TinyModel>
{
    internal const int Slots = 6;
    const int MaxWindows = 4;

    [Fact]
    public async Task A_shortened_adaptive_campaign_with_faults_measures_its_segments_one_per_experiment_and_finishes_every_slot_in_memory()
    {
        RunFolderFiles run = await RunAsync("adaptive-xrd", []);

        AssertSegmentedCampaign(run);
    }

    [Fact]
    public async Task The_same_campaign_completes_over_a_real_RabbitMQ_broker()
    {
        string uri = BrokerEnvironment.RequireUri();

        RunFolderFiles run = await RunAsync("adaptive-xrd-rabbit", ["--transport", "rabbitmq", "--rabbitmq", uri]);

        AssertSegmentedCampaign(run);
    }

    [Fact]
    public async Task With_four_degree_spans_every_slot_finishes_and_confident_slots_stop_early()
    {
        RunFolderFiles run = await RunAsync("adaptive-xrd-spans", [], SpanSpec());

        AssertCampaign(run);
    }

    async Task<RunFolderFiles> RunAsync(string label, string[] transport, string? spec = null)
    {
        string path = SpecFiles.Write(label, spec ?? ShortenedSpec());
        RunFolderFiles run = RunFolderFiles.NewTemp(label);

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(
            ["run", path, "--out", run.Root, .. transport], TimeSpan.FromMinutes(4), new Dictionary<string, string?> { [ModelRegistry.EnvironmentVariable] = model.Folder });

        Assert.True(result.ExitCode == 0, result.ToString());
        output.WriteLine(result.Output);
        return run;
    }

    /// <summary>examples/adaptive-xrd.yaml shortened to <see cref="Slots"/> slots, with faults and the tiny identifier of <see cref="TinyModel"/>.</summary>
    internal static string ShortenedSpec()
    {
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", "adaptive-xrd.yaml"));
        spec = CampaignChecks.Replace(spec, @"\{name: slot, type: integer, bounds: \[1, \d+\]\}", $"{{name: slot, type: integer, bounds: [1, {Slots}]}}");
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)changer_size:\s*""\d+""", $"${{1}}changer_size: \"{Slots}\"");
        // A fault rate high enough that a run without faults is improbable: a run may take as few as 14 scans, and
        // 0.65^14 ≈ 0.2 % (at 0.2 it was 0.8^14 ≈ 4 %, and CI hit it); a fault policy loose enough that an unlucky
        // run of refusals cannot fault the campaign.
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)fault_rate:\s*""[\d.]+""", "${1}fault_rate: \"0.35\"");
        spec = CampaignChecks.Replace(spec, @"max_fault_fraction:\s*[\d.]+", "max_fault_fraction: 0.6");
        // The tiny identifier of the fixture, never trained by the run; its scans are 2 ms per point, inside its
        // training range, and the threshold is one it reaches on some slots and not on others.
        spec = CampaignChecks.Replace(spec, @"model: xrd-fe-ni-al-adaptive, train: full, threshold: ""[\d.]+""", $"model: {TinyModel.Name}, train: never, threshold: \"{TinyModel.Threshold}\"");
        spec = CampaignChecks.Replace(spec, @"fast_count_time: ""[\d.]+""", $"fast_count_time: \"{TinyModel.FastCountTime}\"");
        // A slot takes up to 37 scans (4 windows of up to 9 segments): 12 refusals in a row before it is given up make
        // that improbable (0.35^12 ≈ 3e-6 a scan).
        spec = CampaignChecks.Replace(spec, @"max_faults: ""\d+""", "max_faults: \"12\"");
        return spec;
    }

    /// <summary>The shortened spec with 4° spans: no <c>segment_width</c>, no <c>window</c> knob (windows counted by scans).</summary>
    internal static string SpanSpec()
    {
        string spec = ShortenedSpec();
        spec = CampaignChecks.Replace(spec, @"(?m)^\s+- \{name: window, type: integer, .*\}\r?\n", string.Empty);
        return CampaignChecks.Replace(spec, @", segment_width: ""[\d.]+""", string.Empty);
    }

    void AssertCampaign(RunFolderFiles run)
    {
        List<Scan> scans = AssertJournal(run);
        List<string> lines = [];
        int earlyConfident = 0;
        foreach (IGrouping<int, Scan> slot in scans.GroupBy(s => s.Slot).OrderBy(g => g.Key))
        {
            Scan[] completed = [.. slot];
            lines.Add(Describe(slot.Key, completed));
            // The instrument adds each measured scan once: garbage readouts are retried, refusals measure nothing.
            Assert.Equal(Enumerable.Range(1, completed.Length).Select(k => (double)k), completed.Select(s => s.InstrumentScans));
            Assert.True(completed.Length <= 1 + MaxWindows, $"slot {slot.Key} was scanned {completed.Length} times, more than 1 + {MaxWindows} windows");
            Assert.True(completed[..^1].All(s => !s.Stopped), $"slot {slot.Key} was scanned again after its analysis said stop");
            Assert.True(completed[^1].Stopped, $"slot {slot.Key} was left before its analysis said stop");
            Assert.True(completed[0].From == 10 && completed[0].To == 80, $"slot {slot.Key} should start with a full scan, not {completed[0].From}–{completed[0].To}°");
            if (completed[^1].Confident && completed.Length < 1 + MaxWindows)
            {
                earlyConfident++;
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, lines));
        Assert.True(scans.Select(s => s.Slot).Distinct().Count() == Slots, $"every slot should have been measured; {string.Join(Environment.NewLine, lines)}");
        Assert.True(earlyConfident > 0, $"at least one slot should have become confident before its last window; {string.Join(Environment.NewLine, lines)}");
    }

    void AssertSegmentedCampaign(RunFolderFiles run)
    {
        List<Scan> scans = AssertJournal(run);
        List<string> lines = [];
        int segmentedWindows = 0;
        foreach (IGrouping<int, Scan> slot in scans.GroupBy(s => s.Slot).OrderBy(g => g.Key))
        {
            Scan[] completed = [.. slot];
            lines.Add(Describe(slot.Key, completed));
            Assert.Equal(Enumerable.Range(1, completed.Length).Select(k => (double)k), completed.Select(s => s.InstrumentScans));
            Assert.True(completed[0].Window == 0 && completed[0].From == 10 && completed[0].To == 80, $"slot {slot.Key} should start with a full scan numbered window 0");
            // Group the scans by window: each window holds exactly the scans the decision before it asked for, and
            // only the last window's decision (its last segment's analysis) said stop.
            Scan[][] windows = [.. completed.GroupBy(s => s.Window).OrderBy(g => g.Key).Select(g => g.ToArray())];
            Assert.Equal(Enumerable.Range(0, windows.Length).Select(w => (double)w), windows.Select(w => w[0].Window));
            Assert.True(windows.Length <= 1 + MaxWindows, $"slot {slot.Key} had {windows.Length - 1} windows, more than {MaxWindows}");
            for (int w = 1; w < windows.Length; w++)
            {
                Scan decision = windows[w - 1][^1];
                Assert.False(decision.Stopped, $"slot {slot.Key} measured window {w} after its analysis said stop");
                Assert.True(windows[w].Length == decision.NextScans, $"slot {slot.Key}'s window {w} took {windows[w].Length} scans; its decision asked for {decision.NextScans}");
                segmentedWindows += windows[w].Length > 1 ? 1 : 0;
            }

            Assert.True(windows[^1][^1].Stopped, $"slot {slot.Key} was left before its analysis said stop");
        }

        output.WriteLine(string.Join(Environment.NewLine, lines));
        Assert.True(scans.Select(s => s.Slot).Distinct().Count() == Slots, $"every slot should have been measured; {string.Join(Environment.NewLine, lines)}");
        Assert.True(segmentedWindows > 0, $"at least one window should have been measured as several segments; {string.Join(Environment.NewLine, lines)}");
    }

    static string Describe(int slot, Scan[] completed) =>
        $"slot {slot}: " + string.Join(" | ", completed.Select(s => string.Create(CultureInfo.InvariantCulture, $"w{s.Window} {s.From:F2}-{s.To:F2}° {s.CountTime}s conf {s.Confidence:F3}")));

    // The checks every variant shares: the campaign completed, nothing was lost or counted twice, faults happened.
    static List<Scan> AssertJournal(RunFolderFiles run)
    {
        JsonElement summary = run.Summary();
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal("the strategy has no more points to suggest", summary.GetProperty("reason").GetString());
        var journal = run.Journal();
        List<string?> started = [.. journal.Where(e => e.Kind == "ExperimentStarted").Select(e => e.Experiment)];
        Assert.True(started.Distinct().Count() == started.Count, "no experiment id may be journaled as started twice");
        int finished = journal.Count(e => e.Kind is "ExperimentCompleted" or "ExperimentFaulted");
        Assert.True(finished == started.Count, $"every started experiment should finish, completed or faulted; {started.Count} started, {finished} finished");
        Assert.Equal(started.Count, run.Observations().Rows.Count);
        Assert.True(journal.Any(e => e.Kind == "StepFaulted"), "the fault rate of 0.35 should have injected at least one fault");
        return [.. journal.Where(e => e.Kind == "ExperimentCompleted").Select(e => Scan.Parse(e.Payload)).OrderBy(s => s.Sequence)];
    }

    /// <summary>One completed scan as the journal holds it: the point and the adaptive-xrd outputs.</summary>
    sealed record Scan(int Sequence, int Slot, double From, double To, double CountTime, double Confidence, bool Confident, bool Stopped, double InstrumentScans, double Window, double NextScans)
    {
        public static Scan Parse(string payload)
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement observation = Property(document.RootElement, "observation");
            JsonElement values = Property(Property(observation, "parameters"), "values");
            JsonElement objectives = Property(observation, "objectives");
            double Value(JsonElement e, string name) => Property(e, name).GetDouble();
            return new Scan(
                Property(observation, "sequence").GetInt32(),
                (int)Value(values, AdaptiveScanStrategy.SlotParameter),
                Value(values, AdaptiveScanStrategy.StartParameter),
                Value(values, AdaptiveScanStrategy.StopParameter),
                Value(values, AdaptiveScanStrategy.CountTimeParameter),
                Value(objectives, "decision_confidence"),
                Value(objectives, "confident") == 1,
                Value(objectives, "stop") == 1,
                Value(objectives, "scans"),
                // Spans carry no window knob: their windows are numbered by the stage from the scans.
                values.EnumerateObject().Any(p => p.Name == AdaptiveScanStrategy.WindowParameter) ? Value(values, AdaptiveScanStrategy.WindowParameter) : Value(objectives, "windows"),
                Value(objectives, "next_scans"));
        }

        static JsonElement Property(JsonElement element, string name) =>
            element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>
    /// A temporary model registry holding a tiny Fe–Ni–Al phase identifier trained in seconds on scans of 1–50 ms per
    /// point, so the campaign's 2 ms fast scans are inside its training range and the run need not train anything.
    /// </summary>
    public sealed class TinyModel : IDisposable
    {
        /// <summary>The model's registry name.</summary>
        public const string Name = "adx-test-tiny";

        /// <summary>Fast scan time per point (s), inside the training range.</summary>
        public const string FastCountTime = "0.002";

        /// <summary>Stop threshold on the decision confidence: reached by some slots' fast scans, not all (measured).</summary>
        public const string Threshold = "0.9";

        public TinyModel()
        {
            Folder = Path.Combine(Path.GetTempPath(), "autolab-it", $"adx-models-{Guid.NewGuid():N}");
            PhaseIdentifierOptions options = XrdPhaseBuiltIn.QuickOptions with
            {
                Data = XrdPhaseBuiltIn.QuickOptions.Data with { MinimumCountTime = 0.001, MaximumCountTime = 0.05 },
                TrainingPatterns = 600,
                ValidationPatterns = 150,
                Epochs = 6,
                Threads = 1,
            };
            using PhaseIdentifier identifier = PhaseIdentifier.Train(XrdTrainingSetGenerator.FeNiAlPhases(), options, seed: 5);
            new ModelRegistry(Folder).Add(new ModelCard { Name = Name, Kind = ModelKinds.PhaseIdentifier, Description = "tiny test identifier" }, identifier.Save);
        }

        /// <summary>The registry folder ($AUTOLAB_MODELS of the runs).</summary>
        public string Folder { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
