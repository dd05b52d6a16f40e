using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>"bo": Bayesian optimization of one objective with a Gaussian process and an acquisition maximised by multi-start L-BFGS.</summary>
/// <remarks>
/// Until <c>initial_points</c> observations (pending points included) exist, points come from the scrambled
/// Sobol sequence, continuing at <see cref="SuggestionRequest.SuggestedSoFar"/>. After that each request
/// fits a GP (Matérn-5/2 ARD by default) to the history, fantasizes the pending points, and picks points
/// one at a time by maximising the acquisition, fantasizing each (kriging believer) so a batch spreads
/// out. Linear constraints are respected: candidates and polished points must satisfy them.
/// <seealso cref="OutcomeConstraint"/>
/// <para>Options:</para>
/// <list type="bullet">
/// <item><c>acquisition</c>: <c>ei</c> (default; log expected improvement), <c>pi</c> (log probability of
/// improvement), <c>ucb</c> (μ + √β σ), <c>variance</c>.</item>
/// <item><c>batch</c>: <c>believer</c> (default; the kriging believer above) or <c>qei</c>: Monte-Carlo q-EI
/// over the batch and the pending points jointly, chosen greedily from the raw candidates
/// (<see cref="MonteCarloExpectedImprovement"/>; acquisition ei, no outcome constraints).</item>
/// <item><c>beta</c>: β of UCB, default 4.</item>
/// <item><c>exploit_final</c>: the campaign's last evaluations that maximise the posterior mean instead
/// (pure exploitation); default a fifth of the budget, 0 when the request carries no budget.</item>
/// <item><c>max_fit_points</c>: most observations the hyperparameter fit reads (a seeded subset beyond it;
/// the model still conditions on all), default 500.</item>
/// <item><c>initial_points</c>: Sobol design size, default 2(d + 1).</item>
/// <item><c>kernel</c>: <c>matern52</c> (default) or <c>rbf</c>.</item>
/// <item><c>restarts</c>: random restarts of the hyperparameter fit, default 2.</item>
/// <item><c>raw_samples</c> (default 1024) and <c>starts</c> (default 8): Sobol candidates scored, and how many of the best are polished.</item>
/// <item><c>objective</c>: which objective to optimise when the campaign has several.</item>
/// <item><c>at_most.NAME</c> / <c>at_least.NAME</c>: black-box constraints on a measured value NAME, each
/// modelled by its own GP and applied as a probability of feasibility (ei and pi only).</item>
/// <item><c>max_draws</c>: as for "sobol", for the initial design under constraints.</item>
/// </list>
/// <seealso cref="Kriging.KrigingExplorerStrategy"/>
/// </remarks>
public sealed class BayesianOptimizationStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "bo";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request) =>
        GaussianProcessSuggester.Suggest(request, Name, GaussianProcessStrategyOptions.Read(request, Name, "ei", "ei", "pi", "ucb", "variance"));
}
