using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>"kriging": autonomous mapping — measure next where the GP is least certain, to reconstruct a map rather than find an optimum.</summary>
/// <remarks>
/// The approach of Noack et al. (gpCAM; seed 000): fit a GP to what has been measured and choose the
/// point of largest posterior variance (or, with <c>acquisition: ucb</c>, of largest μ + √β σ, which
/// spends more measurements where the signal is high). Batches use the kriging believer, which for the
/// variance is exact: the posterior variance does not depend on the values measured, so a fantasized
/// point reduces it exactly as the real measurement will. Options are those of
/// <see cref="BayesianOptimizationStrategy"/> with acquisition <c>variance</c> (default) or <c>ucb</c>;
/// <see cref="KrigingReconstruction.Uncertainty"/> reports how well the map is known.
/// </remarks>
public sealed class KrigingExplorerStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "kriging";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request) =>
        GaussianProcessSuggester.Suggest(request, Name, GaussianProcessStrategyOptions.Read(request, Name, "variance", "variance", "ucb"));
}
