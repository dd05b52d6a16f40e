using AutoLab.ActiveLearning.Strategies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the active-learning service's strategies.</summary>
public static class ActiveLearningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the baseline strategies (random, sobol, lhs), the <see cref="StrategyRegistry"/> built from
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
        services.TryAddSingleton(provider => new StrategyRegistry(provider.GetServices<ISuggestionStrategy>()));
        return services;
    }
}
