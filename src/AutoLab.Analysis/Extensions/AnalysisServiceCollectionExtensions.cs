using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the analysis service's models and pipeline.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in models (readings, scale), the <see cref="AnalysisModelRegistry"/> built from
    /// every registered <see cref="IAnalysisModel"/>, the <see cref="AnalysisPipeline"/>, and
    /// <see cref="TimeProvider.System"/> unless a clock is already registered. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    /// <remarks>Add further models with <c>services.AddSingleton&lt;IAnalysisModel, MyModel&gt;()</c>.</remarks>
    public static IServiceCollection AddAutoLabAnalysis(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, ReadingsModel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisModel, ScaleModel>());
        services.TryAddSingleton(provider => new AnalysisModelRegistry(provider.GetServices<IAnalysisModel>()));
        services.TryAddSingleton<AnalysisPipeline>();
        return services;
    }
}
