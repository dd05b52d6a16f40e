using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Saxs;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>Registered in one line, the SAXS camera serves measure commands through the instrument host: scalars inline, curves as files.</summary>
public sealed class HostedSaxsInstrumentTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("autolab-saxs-").FullName;
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddAutoLabInstruments(registry => registry.AddSaxsInstrument(options: new SaxsSimulatorOptions { SampleKind = SaxsSampleKind.Film, FilmSeed = 21 }))
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_film_measurement_returns_the_scalars_and_writes_the_curve_to_a_file()
    {
        var command = new MeasureSample
        {
            CampaignId = Guid.NewGuid(),
            ExperimentId = Guid.NewGuid(),
            IdempotencyKey = $"{Guid.NewGuid():N}/measure",
            Timestamp = DateTimeOffset.UnixEpoch,
            Instrument = SaxsRegistryExtensions.DefaultName,
            Parameters = new ParameterPoint { Values = new Dictionary<string, double> { ["x"] = 4.0, ["y"] = 15.0 } },
            Options = new Dictionary<string, string> { ["count_time_s"] = "2" },
            DataDirectory = _data,
        };

        var outcome = await _services.GetRequiredService<InstrumentHost>().MeasureAsync(command, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Fault?.Reason);
        Assert.Equal(["i0", "invariant", "rg", "rg_sd"], outcome.Result!.Readings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["iq", "iq_sigma"], outcome.Result.Data.Select(d => d.Key).Order(StringComparer.Ordinal));
        var file = outcome.Result.Data.Single(d => d.Key == "iq");
        Assert.Equal(201, File.ReadAllLines(new Uri(file.Uri).LocalPath).Length);
    }
}
