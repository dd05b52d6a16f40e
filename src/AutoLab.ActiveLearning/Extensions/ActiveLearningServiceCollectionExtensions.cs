using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Genetic.Strategies;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Strategies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the active-learning service's strategies.</summary>
public static class ActiveLearningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the baseline strategies (random, sobol, lhs), the Gaussian-process strategies (bo, kriging, turbo, parego, ehvi), the genetic strategies (ga, nsga2, mlmoga), the <see cref="StrategyRegistry"/> built from
    /// every registered <see cref="ISuggestionStrategy"/>, and <see cref="TimeProvider.System"/> unless a
    /// clock is already registered. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    /// <remarks>Add further strategies with <c>services.AddSingleton&lt;ISuggestionStrategy, MyStrategy&gt;()</c>.</remarks>
    public static IServiceCollection AddAutoLabActiveLearning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, RandomStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, SobolStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, LatinHypercubeStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, BayesianOptimizationStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, KrigingExplorerStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, PhaseMapStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, AutoLab.ActiveLearning.TrustRegion.TurboStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, AutoLab.ActiveLearning.MultiObjectiveBayesian.ParEgoStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, AutoLab.ActiveLearning.MultiObjectiveBayesian.ExpectedHypervolumeImprovementStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, GaStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, Nsga2Strategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, MlMogaStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISuggestionStrategy, AutoLab.ActiveLearning.Adaptive.AdaptiveScanStrategy>());
        services.TryAddSingleton(provider => new StrategyRegistry(provider.GetServices<ISuggestionStrategy>()));
        return services;
    }
}
