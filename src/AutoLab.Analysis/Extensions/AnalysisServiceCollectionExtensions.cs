using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the analysis service's models and pipeline.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in models (readings, scale, phase-id, sas-model, adaptive-xrd), the <see cref="ModelRegistry"/> and the
    /// <see cref="RegistryModelCache"/> the registry-model stages share, the <see cref="AnalysisModelRegistry"/> built
    /// from every registered <see cref="IAnalysisModel"/>, the <see cref="AnalysisPipeline"/>, <see cref="AnalysisOptions"/>
    /// (workers default to <c>$AUTOLAB_ANALYSIS_WORKERS</c>), and <see cref="TimeProvider.System"/> unless a clock is
    /// already registered. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the options (workers, models folder, device).</param>
    /// <returns>The same collection.</returns>
    /// <remarks>
    /// Add further models with <c>services.AddSingleton&lt;IAnalysisModel, MyModel&gt;()</c>; register a
    /// <see cref="ModelRegistry"/> first to use another models folder.
    /// </remarks>
    public static IServiceCollection AddAutoLabAnalysis(this IServiceCollection services, Action<AnalysisOptions>? configure = null)
    {
        services.AddOptions<AnalysisOptions>()
            .Configure(o =>
            {
                if (int.TryParse(Environment.GetEnvironmentVariable(AnalysisOptions.WorkersVariable), out int workers) && workers > 0)
                {
                    o.Workers = workers;
                }
            })
            .Validate(o => o.FindProblem() is null, "analysis workers must be 0 (the transport's default) or more");
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ModelRegistry(
            provider.GetRequiredService<IOptions<AnalysisOptions>>().Value.ModelsPath ?? ModelRegistry.DefaultPath()));
        services.TryAddSingleton(provider =>
        {
            ILogger logger = provider.GetService<ILoggerFactory>()?.CreateLogger<RegistryModelCache>() ?? NullLogger<RegistryModelCache>.Instance;
            return new RegistryModelCache(
                provider.GetRequiredService<ModelRegistry>(),
                provider.GetRequiredService<IOptions<AnalysisOptions>>().Value.Device,
                message => logger.LogWarning("{Message}", message));
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, ReadingsModel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, ScaleModel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, PhaseIdModel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, SasModelStage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, AdaptiveXrdStage>());
        services.TryAddSingleton(provider => new AnalysisModelRegistry(provider.GetServices<IAnalysisModel>()));
        services.TryAddSingleton<AnalysisPipeline>();
        return services;
    }
}
