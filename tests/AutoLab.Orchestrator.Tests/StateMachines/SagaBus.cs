using System.Text.Json;
using System.Text.Json.Serialization;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.Scheduling;
using AutoLab.Orchestrator.StateMachines;
using AutoLab.Orchestrator.Tests.StateMachines.Doubles;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Orchestrator.Tests.StateMachines;

/// <summary>
/// One saga on MassTransit's in-memory test harness, with a recording journal and hand-fired timers.
/// The test plays every other service: it publishes their answers and reads what the saga sent.
/// </summary>
public sealed class SagaBus : IAsyncDisposable
{
    readonly ServiceProvider _provider;

    SagaBus(ServiceProvider provider, RecordingJournal journal, RecordingStepTimers timers)
    {
        _provider = provider;
        Journal = journal;
        Timers = timers;
        Harness = provider.GetRequiredService<ITestHarness>();
        Departures = new JournalAtDeparture(journal);
    }

    /// <summary>The MassTransit test harness.</summary>
    public ITestHarness Harness { get; }

    /// <summary>What the saga journaled.</summary>
    public RecordingJournal Journal { get; }

    /// <summary>The saga's step timers; fire them with <see cref="FireTimeoutAsync"/> / <see cref="FireRetryAsync"/>.</summary>
    public RecordingStepTimers Timers { get; }

    /// <summary>The journal as it stood when each message left the saga.</summary>
    public JournalAtDeparture Departures { get; }

    /// <summary>Starts a bus hosting only the experiment saga.</summary>
    public static Task<SagaBus> ForExperimentsAsync() =>
        StartAsync(x => x.AddSagaStateMachine<ExperimentCycleStateMachine, ExperimentCycle>().InMemoryRepository());

    /// <summary>Starts a bus hosting only the campaign saga (experiments are played by the test).</summary>
    public static Task<SagaBus> ForCampaignsAsync() =>
        StartAsync(x => x.AddSagaStateMachine<CampaignStateMachine, Campaign>().InMemoryRepository());

    /// <summary>
    /// Publishes a message as its producer would and returns once the bus consumed it; a saga that threw
    /// fails the test with the saga's own exception.
    /// </summary>
    public async Task PublishAsync<T>(T message)
        where T : class
    {
        // A fresh message id per publish: the harness lists drop a second entry with the same id, and a
        // re-delivery test must see both deliveries. The sagas never look at message ids.
        Guid messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, (PublishContext<T> context) => context.MessageId = messageId);

        await foreach (IReceivedMessage<T> consumed in Harness.Consumed.SelectAsync<T>(m => m.Context.MessageId == messageId))
        {
            if (consumed.Exception is not null)
            {
                throw new InvalidOperationException($"The saga failed while consuming {typeof(T).Name}: {consumed.Exception.Message}", consumed.Exception);
            }

            return;
        }

        Assert.Fail($"The {typeof(T).Name} published by the test was never consumed before the harness went idle.");
    }

    /// <summary>Lets the experiment's armed step timeout fire.</summary>
    public Task FireTimeoutAsync(Guid experimentId) => PublishAsync(Timers.TakeTimeout(experimentId));

    /// <summary>Lets the experiment's scheduled retry fire.</summary>
    public Task FireRetryAsync(Guid experimentId) => PublishAsync(Timers.TakeRetry(experimentId));

    /// <summary>The messages of type <typeparamref name="T"/> sent so far, without waiting.</summary>
    public IReadOnlyList<T> Sent<T>()
        where T : class =>
        [.. Harness.Sent.Select<T>(Now).Select(m => m.Context.Message)];

    /// <summary>Where each message of type <typeparamref name="T"/> was sent, without waiting.</summary>
    public IReadOnlyList<Uri?> SentTo<T>()
        where T : class =>
        [.. Harness.Sent.Select<T>(Now).Select(m => m.Context.DestinationAddress)];

    /// <summary>The messages of type <typeparamref name="T"/> published so far (the test's own included), without waiting.</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(Now).Select(m => m.Context.Message)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }

    static CancellationToken Now => new(canceled: true);

    static async Task<SagaBus> StartAsync(Action<IBusRegistrationConfigurator> addSaga)
    {
        var journal = new RecordingJournal();
        var timers = new RecordingStepTimers();
        var services = new ServiceCollection();
        services.AddSingleton<ICampaignJournal>(journal);
        services.AddSingleton<IStepTimers>(timers);
        services.AddSingleton(TimeProvider.System);
        services.AddMassTransitTestHarness(x =>
        {
            x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(5));
            addSaga(x);
            x.UsingInMemory((context, cfg) =>
            {
                cfg.ConfigureJsonSerializerOptions(WireOptions);
                cfg.ConfigureEndpoints(context);
            });
        });

        var bus = new SagaBus(services.BuildServiceProvider(validateScopes: true), journal, timers);
        await bus.Harness.Start();
        bus.Harness.Bus.ConnectPublishObserver(bus.Departures);
        bus.Harness.Bus.ConnectSendObserver(bus.Departures);
        return bus;
    }

    /// <summary>
    /// The production bus's JSON settings (BusRegistration): dictionary keys as written, NaN and infinity
    /// as named literals. Applied to a copy because MassTransit keeps the options in a static that other
    /// test buses may already have used, and used options refuse changes.
    /// </summary>
    static JsonSerializerOptions WireOptions(JsonSerializerOptions current) => new(current)
    {
        DictionaryKeyPolicy = null,
        NumberHandling = current.NumberHandling | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
