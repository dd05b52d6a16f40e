using AutoLab.Orchestrator.Definitions;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.StateMachines;
using AutoLab.Orchestrator.Watch;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the sagas, the hosted consumers and the chosen transport into MassTransit.</summary>
public static class BusRegistration
{
    /// <summary>Adds MassTransit with the campaign and experiment sagas, instrument adapters and (optionally) analysis and active learning.</summary>
    public static IServiceCollection AddAutoLabBus(this IServiceCollection services, BusOptions bus, bool hostServices)
    {
        // Only a broker is shared with other orchestrators; the in-memory bus keeps the fixed names.
        BusScope scope = bus.Transport == TransportKind.RabbitMq && bus.Scope is { } campaignId
            ? BusScope.ForCampaign(campaignId)
            : BusScope.None;
        services.AddSingleton(scope);
        services.AddMassTransit(x =>
        {
            // MassTransit 8.4 reports anonymous usage telemetry over the internet a few minutes after start; lab
            // hosts are often offline (the attempt then logs a long failure) and a lab's configuration is not ours to send.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.AddSagaStateMachine<CampaignStateMachine, Campaign, CampaignStateMachineDefinition>().InMemoryRepository();
            x.AddSagaStateMachine<ExperimentCycleStateMachine, ExperimentCycle, ExperimentCycleStateMachineDefinition>().InMemoryRepository();
            x.AddConsumer<CampaignWatchConsumer, CampaignWatchConsumerDefinition>();
            x.AddAutoLabInstrumentConsumers();
            if (hostServices)
            {
                x.AddAutoLabAnalysisConsumers();
                x.AddAutoLabActiveLearningConsumers();
            }

            if (bus.Transport == TransportKind.RabbitMq)
            {
                Uri uri = bus.RabbitMqUri ?? throw new InvalidOperationException(
                    $"--transport rabbitmq needs a broker URI: pass --rabbitmq or set {BusOptions.RabbitMqUriVariable}");
                x.UsingRabbitMq((context, cfg) =>
                {
                    ConfigureHost(cfg, uri);
                    ConfigureCommon(cfg);
                    // In-process instruments get queues of their own (auto-deleted with this process), so
                    // another orchestrator's command never reaches this process's simulators; the analysis
                    // and active-learning queues stay shared (stateless competing consumers).
                    cfg.ConfigureAutoLabInstrumentEndpoints(context, scope: scope.Name, configureEndpoint: scope.Name is null ? null : BusScope.MakeAutoDelete);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    ConfigureCommon(cfg);
                    cfg.ConfigureAutoLabInstrumentEndpoints(context);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }

    /// <summary>Settings every AutoLab bus shares, whatever it hosts (orchestrator or <c>autolab serve</c> worker): the JSON number handling.</summary>
    /// <param name="cfg">The transport's bus configurator.</param>
    public static void ConfigureCommon(IBusFactoryConfigurator cfg)
    {
        // NaN and infinity must cross the bus as "NaN"/"Infinity": envelope limits default to ±Infinity,
        // and a NaN reading must reach the saga or the analysis to be rejected as BadOutput; by default
        // the serializer throws while publishing. (Dictionary keys — parameter, reading and objective
        // names — already keep their case; docs/wire-contract.md records what was verified.)
        // A copy, not the shared instance: .NET refuses changes to options already in use, which a
        // second bus in the same process (a benchmark, a test) would otherwise attempt.
        cfg.ConfigureJsonSerializerOptions(o => new JsonSerializerOptions(o)
        {
            NumberHandling = o.NumberHandling | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        });
    }

    /// <summary>Points a RabbitMQ bus at <paramref name="uri"/>, taking the user and password from its user-info part.</summary>
    public static void ConfigureHost(IRabbitMqBusFactoryConfigurator cfg, Uri uri) =>
        cfg.Host(uri, h => ApplyCredentials(h, uri));

    static void ApplyCredentials(IRabbitMqHostConfigurator host, Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return;
        }

        string[] parts = uri.UserInfo.Split(':', 2);
        host.Username(Uri.UnescapeDataString(parts[0]));
        if (parts.Length == 2)
        {
            host.Password(Uri.UnescapeDataString(parts[1]));
        }
    }
}
