using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Xrd;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>Through the instrument host, the robot makes a sample and the diffractometer measures it by sample id, writing the pattern to a file.</summary>
public sealed class HostedXrdLabTests : IAsyncLifetime
{
    private const double PeakTolerance = 0.03;

    private readonly string _data = Directory.CreateTempSubdirectory("autolab-xrd-").FullName;
    private ServiceProvider _services = null!;

    private InstrumentHost Host => _services.GetRequiredService<InstrumentHost>();

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddAutoLabXrdLab(o =>
            {
                o.Robot.Synthesis = o.Robot.Synthesis with { CompositionScatter = 0 };
                o.Diffractometer.TwoThetaMin = 40;
                o.Diffractometer.TwoThetaMax = 50;
                o.Diffractometer.Step = 0.005;
            })
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void Both_instruments_are_registered_with_their_steps()
    {
        var registry = _services.GetRequiredService<InstrumentRegistry>();

        Assert.Equal(InstrumentCapabilities.Prepare, registry.Instruments.Single(i => i.Name == XrdLabOptions.DefaultRobotName).Capabilities);
        Assert.Equal(InstrumentCapabilities.Measure, registry.Instruments.Single(i => i.Name == XrdLabOptions.DefaultDiffractometerName).Capabilities);
    }

    [Fact]
    public async Task B2_peak_shifts_to_lower_angle_as_iron_replaces_nickel_by_Vegards_law()
    {
        var nickelRich = await PeakNear44Async(fe: 0.05, ni: 0.45);
        var ironRich = await PeakNear44Async(fe: 0.45, ni: 0.05);

        // (110) of B2 with a = 2.887 + t(2.909 − 2.887), t = x_Fe / 0.5.
        Assert.Equal(Bragg110(2.887 + (0.1 * 0.022)), nickelRich, PeakTolerance);
        Assert.Equal(Bragg110(2.887 + (0.9 * 0.022)), ironRich, PeakTolerance);
        Assert.True(ironRich < nickelRich, "the larger FeAl cell puts (110) at lower 2θ");
    }

    [Fact]
    public async Task Measuring_an_unknown_sample_id_without_a_composition_is_refused()
    {
        var measure = Measure("no-such-sample", new ParameterPoint { Values = new Dictionary<string, double>() });

        var outcome = await Host.MeasureAsync(measure, CancellationToken.None);

        Assert.Equal(StepFaultKind.Refused, outcome.Fault!.Kind);
        Assert.Contains("is not on the shelf", outcome.Fault.Reason, StringComparison.Ordinal);
    }

    private static double Bragg110(double a) => 2 * Math.Asin(1.5406 / (2 * a / Math.Sqrt(2))) * 180 / Math.PI;

    private async Task<double> PeakNear44Async(double fe, double ni)
    {
        var experiment = Guid.NewGuid();
        var point = new ParameterPoint { Values = new Dictionary<string, double> { ["Fe"] = fe, ["Ni"] = ni, ["Al"] = 0.5 } };
        var prepared = await Host.PrepareAsync(
            new PrepareSample
            {
                CampaignId = Guid.Empty,
                ExperimentId = experiment,
                IdempotencyKey = $"{experiment:N}/prepare",
                Timestamp = DateTimeOffset.UnixEpoch,
                Instrument = XrdLabOptions.DefaultRobotName,
                Parameters = point,
                DataDirectory = _data,
            },
            CancellationToken.None);
        Assert.True(prepared.Succeeded, prepared.Fault?.Reason);

        var measured = await Host.MeasureAsync(Measure(prepared.Result!.SampleId, point) with { ExperimentId = experiment }, CancellationToken.None);
        Assert.True(measured.Succeeded, measured.Fault?.Reason);
        var file = new Uri(Assert.Single(measured.Result!.Data).Uri).LocalPath;
        var rows = File.ReadAllLines(file).Skip(1).Select(l => l.Split(',')).Select(c => (TwoTheta: Parse(c[0]), Counts: Parse(c[1]))).ToList();
        Assert.Equal(2001, rows.Count);
        return rows.Where(r => r.TwoTheta is > 43 and < 45.5).MaxBy(r => r.Counts).TwoTheta;
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private MeasureSample Measure(string sampleId, ParameterPoint point) => new()
    {
        CampaignId = Guid.Empty,
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = $"{Guid.NewGuid():N}/measure",
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = XrdLabOptions.DefaultDiffractometerName,
        Parameters = point,
        SampleId = sampleId,
        DataDirectory = _data,
        Options = new Dictionary<string, string> { ["count_time"] = "20" },
    };
}
