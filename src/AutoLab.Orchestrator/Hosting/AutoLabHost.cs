using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.Scheduling;
using AutoLab.Orchestrator.Watch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MassTransit;
using Quartz;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>Builds the orchestrator's process: sagas, journal, Quartz, the bus and the services it hosts.</summary>
public static class AutoLabHost
{
    /// <summary>Creates (but does not start) the host for one campaign run.</summary>
    public static IHost Build(AutoLabHostOptions options)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        HostConsoleLogging.Configure(builder, options.LogLevel);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        ConfigureServices(builder.Services, options);
        return builder.Build();
    }

    /// <summary>Registers everything the orchestrator needs; used by <see cref="Build"/> and by tests.</summary>
    public static void ConfigureServices(IServiceCollection services, AutoLabHostOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICampaignJournal>(_ => SqliteCampaignJournal.Open(options.JournalPath));
        services.AddSingleton<CampaignWatch>();
        services.AddAutoLabApproval(options.JournalPath);
        services.AddAutoLabInstruments(options.Instruments);
        if (options.HostServices)
        {
            services.AddAutoLabAnalysis();
            services.AddAutoLabActiveLearning();
        }

        services.AddQuartz();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        services.AddSingleton<IStepTimers, QuartzStepTimers>();
        services.AddAutoLabBus(options.Bus, options.HostServices);

        // A hung instrument must not hold the process after the campaign ended: consumers get their
        // cancellation after ConsumerStopTimeout, and the bus gives up waiting after StopTimeout.
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(15);
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(2);
        });
    }
}
