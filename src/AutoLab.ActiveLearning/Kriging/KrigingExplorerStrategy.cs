using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>"kriging": autonomous mapping — measure next where the GP is least certain, to reconstruct a map rather than find an optimum.</summary>
/// <remarks>
/// The approach of Noack et al. (gpCAM; seed 000): fit a GP to what has been measured and choose the
/// point that most lowers the posterior variance integrated over the map (the default, <c>imse</c>), or of
/// largest posterior variance (<c>acquisition: variance</c>), or of largest μ + √β σ (<c>ucb</c>, which
/// spends more measurements where the signal is high). Batches use the kriging believer, which for the
/// variance is exact: the posterior variance does not depend on the values measured, so a fantasized
/// point reduces it exactly as the real measurement will. Options are those of
/// <see cref="BayesianOptimizationStrategy"/> with acquisition <c>variance</c>, <c>ucb</c> or
/// <c>imse</c> (default): the point that most lowers the posterior variance integrated over the map
/// (<see cref="IntegratedVarianceReduction"/>, over <c>reference_points</c> scrambled Sobol points, default 512),
/// which keeps largest-variance picks from crowding the edges and corners.
/// <see cref="KrigingReconstruction.Uncertainty"/> reports how well the map is known.
/// </remarks>
public sealed class KrigingExplorerStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "kriging";

    /// <summary>The acquisition when the <c>acquisition</c> option is absent.</summary>
    public const string DefaultAcquisition = "imse";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request) =>
        GaussianProcessSuggester.Suggest(request, Name, GaussianProcessStrategyOptions.Read(request, Name, DefaultAcquisition, "variance", "imse", "ucb"));
}
