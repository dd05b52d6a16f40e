using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>
/// Builds an <c>autolab serve</c> process: only the analysis and/or active-learning consumers, on the same shared
/// RabbitMQ queues the orchestrator uses, so workers and an orchestrator that hosts services compete for one queue.
/// </summary>
/// <remarks>
/// No journal, no Quartz and no sagas: both services are stateless (a request carries the whole history, an analysis
/// the whole measurement), which is what lets any number of these processes share the work. Stopping the host stops
/// taking messages, lets the ones in progress finish for up to <see cref="ConsumerStopTimeout"/>, and closes the
/// channel; RabbitMQ puts every message this process held but did not acknowledge back on the queue, so a worker
/// that stops or dies loses nothing. <seealso cref="AutoLabHost"/>
/// </remarks>
public static class WorkerHost
{
    /// <summary>How long a stopping worker lets the analyses and suggestions it is running finish before cancelling them.</summary>
    /// <remarks>
    /// Short because <c>autolab</c> (System.CommandLine) ends the process 2 s after Ctrl+C or SIGTERM; whatever has not
    /// finished by then was never acknowledged, so the broker requeues it for another worker.
    /// </remarks>
    public static readonly TimeSpan ConsumerStopTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>Creates (but does not start) the worker's host.</summary>
    /// <param name="options">Broker, services and concurrency.</param>
    /// <returns>The host.</returns>
    public static IHost Build(WorkerHostOptions options)
    {
        if (options.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        HostConsoleLogging.Configure(builder, options.LogLevel);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ConsumerStopTimeout + TimeSpan.FromSeconds(5));
        ConfigureServices(builder.Services, options);
        return builder.Build();
    }

    /// <summary>Registers the chosen consumers and the RabbitMQ bus; used by <see cref="Build"/> and by tests.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Broker, services and concurrency.</param>
    public static void ConfigureServices(IServiceCollection services, WorkerHostOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        bool analysis = options.Services.HasFlag(WorkerServices.Analysis);
        bool activeLearning = options.Services.HasFlag(WorkerServices.ActiveLearning);
        if (analysis)
        {
            // The analysis definition reads its concurrency and prefetch from here.
            services.AddAutoLabAnalysis(o => o.Workers = options.Workers);
        }

        if (activeLearning)
        {
            services.AddAutoLabActiveLearning();
        }

        services.AddMassTransit(x =>
        {
            // As in the orchestrator: no usage telemetry from lab hosts (BusRegistration explains).
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            if (analysis)
            {
                x.AddAutoLabAnalysisConsumers();
            }

            if (activeLearning)
            {
                x.AddAutoLabActiveLearningConsumers();
            }

            // The same limit on every queue this worker serves (active learning has no options class of its own):
            // with prefetch equal to concurrency, a message waiting here is one no idle worker could take.
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.ConcurrentMessageLimit = options.Workers;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.PrefetchCount = options.Workers;
                }
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                BusRegistration.ConfigureHost(cfg, options.RabbitMqUri);
                BusRegistration.ConfigureCommon(cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = ConsumerStopTimeout + TimeSpan.FromSeconds(5);
            o.ConsumerStopTimeout = ConsumerStopTimeout;
        });
    }
}
