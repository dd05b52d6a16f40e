using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Simulators.Tests.Synthesis;

/// <summary>The robot makes seeded samples with scatter, reads compositions in both parametrisations, and fails when told to.</summary>
public sealed class SynthesisRobotTests
{
    private const double CompositionTolerance = 1e-12;

    private static ParameterPoint Point(params (string Name, double Value)[] values) =>
        new() { Values = values.ToDictionary(v => v.Name, v => v.Value) };

    private static StageContext Context(string key, int attempt = 1) => new()
    {
        Instrument = "synthesis-robot",
        Step = ExperimentStep.Prepare,
        CampaignId = Guid.Empty,
        ExperimentId = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        IdempotencyKey = key,
        Attempt = attempt,
        DataDirectory = Path.GetTempPath(),
    };

    private static async Task<SynthesizedSample> MakeAsync(SynthesisRobotInstrument robot, ParameterPoint point, Dictionary<string, string>? options = null, string key = "exp/prepare")
    {
        await robot.ConfigureAsync(options ?? [], CancellationToken.None);
        await robot.StageAsync(Context(key), CancellationToken.None);
        await robot.SetAsync(point, CancellationToken.None);
        await robot.TriggerAsync(CancellationToken.None);
        var reading = await robot.ReadAsync(CancellationToken.None);
        await robot.UnstageAsync(CancellationToken.None);
        Assert.Equal(robot.LastSample!.SampleId, reading.SampleId);
        return robot.LastSample;
    }

    [Fact]
    public async Task Same_seed_and_command_give_the_same_sample()
    {
        var options = new SynthesisRobotOptions { Synthesis = new SynthesisSettings { CompositionScatter = 0.02 } };
        var point = Point(("Fe", 0.2), ("Ni", 0.3), ("Al", 0.5));

        var first = await MakeAsync(new SynthesisRobotInstrument(options), point);
        var again = await MakeAsync(new SynthesisRobotInstrument(options), point);
        var other = await MakeAsync(new SynthesisRobotInstrument(options), point, key: "another/prepare");

        Assert.Equal(first.Actual, again.Actual);
        Assert.NotEqual(first.Actual, other.Actual);
        Assert.Equal(1.0, first.Actual.Sum(), CompositionTolerance);
        Assert.NotEqual(first.Nominal, first.Actual);
    }

    [Fact]
    public async Task Without_scatter_the_actual_composition_is_the_normalised_request()
    {
        var robot = new SynthesisRobotInstrument(new SynthesisRobotOptions { Synthesis = new SynthesisSettings { CompositionScatter = 0 } });

        var sample = await MakeAsync(robot, Point(("x_Fe", 1), ("x_Ni", 1), ("x_Al", 2)));

        Assert.Equal([0.25, 0.25, 0.5], sample.Actual);
        Assert.Equal("B2-(Ni,Fe)Al", Assert.Single(sample.Phases).Phase);
    }

    [Fact]
    public async Task A_missing_element_is_the_remainder_and_an_overfull_point_is_refused()
    {
        var robot = new SynthesisRobotInstrument(new SynthesisRobotOptions { Synthesis = new SynthesisSettings { CompositionScatter = 0 } });

        var sample = await MakeAsync(robot, Point(("Fe", 0.1), ("Ni", 0.3)));
        var refused = await robot.CheckAsync(Point(("Fe", 0.7), ("Ni", 0.6)), CancellationToken.None);

        Assert.Equal(0.6, sample.Actual[2], CompositionTolerance);
        Assert.False(refused.IsAllowed);
        Assert.Equal("fractions of Fe, Ni sum to 1.3 > 1, leaving nothing for Al", refused.Reason);
    }

    [Fact]
    public async Task Annealing_hotter_grows_larger_crystallites()
    {
        var robot = new SynthesisRobotInstrument();
        var point = Point(("Fe", 0.25), ("Ni", 0.25), ("Al", 0.5));

        var cool = await MakeAsync(robot, point, new() { ["anneal_temperature_c"] = "400" });
        var hot = await MakeAsync(robot, point with { Values = new Dictionary<string, double>(point.Values) { ["anneal_temperature_c"] = 900 } });

        Assert.Equal(10 + (140 * 100.0 / 700), cool.CrystalliteSize, 1e-9);
        Assert.Equal(10 + (140 * 600.0 / 700), hot.CrystalliteSize, 1e-9);
    }

    [Fact]
    public async Task A_certain_failure_rate_fails_every_synthesis_as_bad_output()
    {
        var robot = new SynthesisRobotInstrument();

        await Assert.ThrowsAsync<DeviceOutputException>(() => MakeAsync(robot, Point(("Fe", 0.5), ("Ni", 0.5)), new() { ["failure_rate"] = "1" }));
        Assert.Null(robot.LastSample);
    }
}
