using AutoLab.Instruments.Hosting;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Instruments.Tests.Bus;

/// <summary>An in-memory bus (MassTransit test harness) hosting instruments exactly as the orchestrator wires them.</summary>
public sealed class InstrumentBus : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private InstrumentBus(ServiceProvider provider)
    {
        _provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public InstrumentHost Host => _provider.GetRequiredService<InstrumentHost>();

    public static async Task<InstrumentBus> StartAsync(Action<InstrumentRegistry> instruments, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddAutoLabInstruments(instruments);
        collection.AddMassTransitTestHarness(x =>
        {
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30));
            x.AddAutoLabInstrumentConsumers();
            x.UsingInMemory((context, cfg) => cfg.ConfigureAutoLabInstrumentEndpoints(context));
        });
        var bus = new InstrumentBus(collection.BuildServiceProvider(validateScopes: true));
        await bus.Harness.Start();
        return bus;
    }

    public async Task SendAsync<T>(string queueOf, T message)
        where T : class
    {
        var endpoint = await Harness.Bus.GetSendEndpoint(InstrumentEndpoints.Address(queueOf));
        await endpoint.Send(message);
    }

    /// <summary>Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> were consumed (consumers finish after publishing their outcome).</summary>
    public async Task WaitForConsumedAsync<T>(int count)
        where T : class
    {
        var seen = 0;
        await foreach (var _ in Harness.Consumed.SelectAsync<T>())
        {
            if (++seen == count)
            {
                return;
            }
        }

        Assert.Fail($"only {seen} of {count} {typeof(T).Name} messages were consumed before the harness timed out");
    }

    /// <summary>The messages of type <typeparamref name="T"/> published so far, without waiting.</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message)];

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
