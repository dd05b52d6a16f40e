using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Bus;
using AutoLab.Instruments.Tests.Doubles;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>The DI registration builds one registry from several calls, keeps a store registered earlier and disposes devices with the container.</summary>
public sealed class AddAutoLabInstrumentsTests
{
    private readonly DeviceLog _log = new();

    [Fact]
    public void Several_calls_add_to_one_registry()
    {
        using var provider = new ServiceCollection()
            .AddAutoLabInstruments(r => r.Register(HostFactory.Recording("robot", _log)))
            .AddAutoLabInstruments(r => r.Register(HostFactory.Recording("xrd", _log)))
            .BuildServiceProvider();

        Assert.Equal(["robot", "xrd"], provider.GetRequiredService<InstrumentRegistry>().Instruments.Select(i => i.Name));
    }

    [Fact]
    public void A_store_registered_before_is_kept()
    {
        var store = new EnteringIdempotencyStore();
        using var provider = new ServiceCollection()
            .AddSingleton<IIdempotencyStore>(store)
            .AddAutoLabInstruments()
            .BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IIdempotencyStore>());
    }

    [Fact]
    public async Task Devices_are_disposed_with_a_synchronously_disposed_container()
    {
        var provider = new ServiceCollection()
            .AddAutoLabInstruments(r => r.Register(HostFactory.Recording("xrd", _log)))
            .BuildServiceProvider();
        using var data = new TemporaryDirectory();
        var outcome = await provider.GetRequiredService<InstrumentHost>().MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: data.Path), CancellationToken.None);

        provider.Dispose();

        Assert.True(outcome.Succeeded, outcome.Fault?.Reason);
        Assert.Equal(1, _log.Count("dispose"));
    }
}
