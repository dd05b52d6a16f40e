using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>
/// The diffractometer's scan sums survive a process restart of the same run folder (<c>autolab resume</c>): a new
/// accumulator reads them back bit for bit from the run folder, a re-sent command is not added twice, a damaged file
/// is refused by name, and callers without a run folder keep the sums in memory as before.
/// </summary>
public sealed class PersistedScanSumsTests : IDisposable
{
    private static readonly ScanRange Grid = new(20, 30, 0.1, 1);

    private static readonly Dictionary<string, string> ChangerOptions = AdaptiveDiffractometerTests.ChangerOptions;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "autolab-tests", $"scan-sums-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string StateFile => Path.Combine(_root, "sums", "slot-1.json");

    // Counts with full 53-bit mantissas, so a reload that rounded anything would show.
    private static PowderPattern Scan(int seed, double start, int points, double countTime)
    {
        var random = new Random(seed);
        return new PowderPattern(
            [.. Enumerable.Range(0, points).Select(i => start + (i * 0.1))],
            [.. Enumerable.Range(0, points).Select(_ => random.NextDouble() * 1000 / 3)],
            countTime);
    }

    private static void AssertSameBits(DiffractometerMergedPattern expected, DiffractometerMergedPattern actual)
    {
        Assert.Equal(expected.Scans, actual.Scans);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Seconds), BitConverter.DoubleToInt64Bits(actual.Seconds));
        Assert.Equal(expected.TwoTheta.Select(BitConverter.DoubleToInt64Bits), actual.TwoTheta.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Rate.Select(BitConverter.DoubleToInt64Bits), actual.Rate.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Exposure.Select(BitConverter.DoubleToInt64Bits), actual.Exposure.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Sums_read_back_by_a_new_accumulator_from_the_same_file_equal_the_old_ones_bit_for_bit()
    {
        var before = new DiffractometerAccumulator();
        before.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.0005), new("m1", 1), StateFile);
        before.Add("c/slot-1", Grid, Scan(2, 23, 41, 0.004), new("m2", 1), StateFile);
        DiffractometerMergedPattern last = before.Add("c/slot-1", Grid, Scan(3, 24.5, 41, 0.004), new("m3", 2), StateFile);

        var after = new DiffractometerAccumulator();
        // The scan last added, re-sent: the merged pattern comes back without adding anything.
        DiffractometerMergedPattern reloaded = after.Add("c/slot-1", Grid, Scan(3, 24.5, 41, 0.004), new("m3", 2), StateFile);
        DiffractometerMergedPattern next = after.Add("c/slot-1", Grid, Scan(5, 26, 21, 0.03), new("m5", 1), StateFile);

        AssertSameBits(last, reloaded);
        Assert.Equal(4, next.Scans);
        var inMemory = new DiffractometerAccumulator();
        inMemory.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.0005));
        inMemory.Add("c/slot-1", Grid, Scan(2, 23, 41, 0.004));
        inMemory.Add("c/slot-1", Grid, Scan(3, 24.5, 41, 0.004));
        AssertSameBits(inMemory.Add("c/slot-1", Grid, Scan(5, 26, 21, 0.03)), next);
    }

    [Fact]
    public void A_scan_id_already_added_is_not_added_again_in_the_same_process_or_after_a_reload_but_a_new_attempt_is()
    {
        var accumulator = new DiffractometerAccumulator();
        DiffractometerMergedPattern first = accumulator.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), StateFile);
        DiffractometerMergedPattern again = accumulator.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), StateFile);
        var restarted = new DiffractometerAccumulator();
        DiffractometerMergedPattern afterRestart = restarted.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), StateFile);
        DiffractometerMergedPattern retry = restarted.Add("c/slot-1", Grid, Scan(2, 20, 101, 0.01), new("m1", 2), StateFile);
        var memoryOnly = new DiffractometerAccumulator();
        memoryOnly.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), null);
        DiffractometerMergedPattern memoryAgain = memoryOnly.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), null);

        Assert.Equal(1, first.Scans);
        AssertSameBits(first, again);
        AssertSameBits(first, afterRestart);
        Assert.True(retry.Scans == 2, "another attempt of the same step is another scan (the earlier one was garbage or lost)");
        Assert.Equal(1, memoryAgain.Scans);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not json")]
    [InlineData("another sample")]
    [InlineData("short counts")]
    public void A_damaged_sums_file_is_refused_with_an_error_naming_the_file(string damage)
    {
        new DiffractometerAccumulator().Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), StateFile);
        string text = File.ReadAllText(StateFile);
        File.WriteAllText(StateFile, damage switch
        {
            "truncated" => text[..(text.Length / 2)],
            "not json" => "slot-1: 42",
            "another sample" => text.Replace("\"c/slot-1\"", "\"c/slot-2\"", StringComparison.Ordinal),
            _ => text.Replace("\"counts\":[", "\"counts\":[1,", StringComparison.Ordinal),
        });

        var restarted = new DiffractometerAccumulator();
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => restarted.Add("c/slot-1", Grid, Scan(2, 20, 11, 0.01), new("m2", 1), StateFile));

        Assert.Contains(StateFile, error.Message, StringComparison.Ordinal);
        Assert.True(restarted.Samples == 0, "a sample whose file was refused must not be kept as if it had no scans");
    }

    [Fact]
    public void A_leftover_temporary_file_of_an_interrupted_write_is_ignored_and_a_completed_write_leaves_none()
    {
        var accumulator = new DiffractometerAccumulator();
        accumulator.Add("c/slot-1", Grid, Scan(1, 20, 101, 0.01), new("m1", 1), StateFile);
        DiffractometerMergedPattern second = accumulator.Add("c/slot-1", Grid, Scan(2, 20, 101, 0.01), new("m2", 1), StateFile);
        string[] written = Directory.GetFiles(Path.GetDirectoryName(StateFile)!);
        // What a crash between writing the temporary file and renaming it leaves behind: half a file.
        File.WriteAllText($"{StateFile}.{Guid.NewGuid():N}.tmp", "{\"format\":\"autolab.diffr");

        DiffractometerMergedPattern reloaded = new DiffractometerAccumulator().Add("c/slot-1", Grid, Scan(2, 20, 101, 0.01), new("m2", 1), StateFile);

        Assert.Equal([StateFile], written);
        AssertSameBits(second, reloaded);
    }

    [Fact]
    public void The_sums_file_lies_beside_the_experiment_folders_of_the_run_and_other_data_folders_get_none()
    {
        Guid campaign = Guid.NewGuid();
        string run = Path.Combine(_root, "run");
        StageContext Context(string dataDirectory) => new()
        {
            Instrument = "diffractometer",
            Step = ExperimentStep.Measure,
            CampaignId = campaign,
            ExperimentId = Guid.NewGuid(),
            IdempotencyKey = "k",
            DataDirectory = dataDirectory,
        };

        string? inRun = DiffractometerSumsLocation.StateFile(Context(Path.Combine(run, "data", "000012")), "slot-3");
        string? odd = DiffractometerSumsLocation.StateFile(Context(Path.Combine(run, "data", "000012")), "../x.cif");
        string? dotted = DiffractometerSumsLocation.StateFile(Context(Path.Combine(run, "data", "000012")), "__x_cif");

        Assert.Equal(Path.Combine(run, "data", "scan-sums", "diffractometer", campaign.ToString("N"), "slot-3.json"), inRun);
        Assert.Equal(Path.Combine(run, "data", "scan-sums", "diffractometer", campaign.ToString("N")), Path.GetDirectoryName(odd));
        Assert.NotEqual(odd, dotted);
        Assert.Null(DiffractometerSumsLocation.StateFile(Context(Path.GetTempPath()), "slot-3"));
        Assert.Null(DiffractometerSumsLocation.StateFile(Context(Path.Combine(run, "data", "000000")), "slot-3"));
        Assert.Null(DiffractometerSumsLocation.StateFile(Context(Path.Combine(run, "data", "12")), "slot-3"));
    }

    [Fact]
    public async Task A_new_diffractometer_process_continues_a_slots_sums_and_a_re_sent_command_is_not_added_twice()
    {
        Guid campaign = Guid.NewGuid();
        string data = Path.Combine(_root, "run", "data");
        DeviceReading first = await MeasureAsync(new DiffractometerInstrument(new DiffractometerOptions()), Path.Combine(data, "000001"), campaign, "e1/measure");

        // A new process: new options, so a new accumulator with nothing in memory.
        var restarted = new DiffractometerOptions();
        DeviceReading resent = await MeasureAsync(new DiffractometerInstrument(restarted), Path.Combine(data, "000001"), campaign, "e1/measure");
        DeviceReading second = await MeasureAsync(new DiffractometerInstrument(restarted), Path.Combine(data, "000002"), campaign, "e2/measure");
        DeviceReading elsewhere = await MeasureAsync(new DiffractometerInstrument(new DiffractometerOptions()), Path.GetTempPath(), campaign, "e3/measure");

        Assert.Equal(1, first.Values["scans"]);
        Assert.Equal(1, resent.Values["scans"]);
        Assert.Equal(first.Arrays[DiffractometerInstrument.PatternKey].Values, resent.Arrays[DiffractometerInstrument.PatternKey].Values);
        Assert.Equal(2, second.Values["scans"]);
        Assert.True(elsewhere.Values["scans"] == 1, "a data folder outside a run keeps the sums in memory, so a new process starts them again");
        Assert.True(File.Exists(Path.Combine(data, "scan-sums", "diffractometer", campaign.ToString("N"), "slot-2.json")), "the sums should be kept in the run's data folder");
    }

    [Fact]
    public async Task A_diffractometer_whose_sums_file_is_damaged_refuses_the_scan_naming_the_file()
    {
        Guid campaign = Guid.NewGuid();
        string data = Path.Combine(_root, "run", "data");
        await MeasureAsync(new DiffractometerInstrument(new DiffractometerOptions()), Path.Combine(data, "000001"), campaign, "e1/measure");
        string file = Path.Combine(data, "scan-sums", "diffractometer", campaign.ToString("N"), "slot-2.json");
        File.WriteAllText(file, File.ReadAllText(file)[..100]);

        DeviceRefusedException refused = await Assert.ThrowsAsync<DeviceRefusedException>(
            () => MeasureAsync(new DiffractometerInstrument(new DiffractometerOptions()), Path.Combine(data, "000002"), campaign, "e2/measure"));

        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
    }

    private static Task<DeviceReading> MeasureAsync(DiffractometerInstrument device, string dataDirectory, Guid campaign, string key) =>
        DiffractometerScan.MeasureAsync(device, ChangerOptions, new ParameterPoint { Values = new Dictionary<string, double> { ["slot"] = 2 } }, key, campaign, dataDirectory);
}
