using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Strategies;

/// <summary>"random": points drawn uniformly from the unit cube and mapped into the space.</summary>
/// <remarks>
/// Candidate j of a campaign is drawn from its own generator stream (seed, j), so suggestion k depends only
/// on the seed and k (and, with constraints, on which candidates before it were feasible): asking in
/// batches of 4 or 8 gives the same sequence. Integer and categorical parameters take each value with
/// equal probability.
/// <para>Options: <c>max_draws</c> (default 10000), the consecutive candidates rejected by the constraints
/// before the request fails as infeasible.</para>
/// </remarks>
public sealed class RandomStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "random";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => false;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        request.Options.RequireKnown(Name, StrategyOptions.MaxDrawsOption);
        int dimension = request.Space.Dimension;
        return FeasibleSampling.Take(
            index => Candidate(request.Seed, index, dimension),
            long.MaxValue,
            request.Space,
            request.Constraints,
            request.SuggestedSoFar,
            request.Count,
            request.Options.GetMaxDraws());
    }

    private static double[] Candidate(long seed, long index, int dimension)
    {
        SplitMix64 random = SplitMix64.ForStream(seed, index);
        double[] unit = new double[dimension];
        for (int d = 0; d < dimension; d++)
        {
            unit[d] = random.NextDouble();
        }

        return unit;
    }
}
