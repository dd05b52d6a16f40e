using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Strategies;

/// <summary>"lhs": a Latin hypercube design over the whole campaign, handed out row by row.</summary>
/// <remarks>
/// The design has n rows (the campaign budget, or option <c>samples</c>) drawn from the seed, with each row
/// at a random position inside its strata; suggestion k is row k, so every parameter's n strata are each
/// hit exactly once by the first n suggestions, however they are batched. When k ≥ n the campaign
/// continues with a fresh design: rows n … 2n − 1 are the design of seed + 1, the next n that of seed + 2,
/// and so on. With constraints, rows that break them are skipped, so the kept rows no longer cover every
/// stratum exactly once.
/// <para>Options:</para>
/// <list type="bullet">
/// <item><c>samples</c>: rows per design; default the campaign budget (one of the two is required).</item>
/// <item><c>criterion</c>: <c>random</c> (default; one design) or <c>maximin</c> (the best of
/// <c>iterations</c> designs by minimum pairwise distance).</item>
/// <item><c>iterations</c>: designs compared by <c>maximin</c>, default 20.</item>
/// <item><c>max_draws</c> (default 10000): consecutive rows rejected by the constraints before the
/// request fails as infeasible.</item>
/// </list>
/// </remarks>
public sealed class LatinHypercubeStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "lhs";

    /// <summary>Default number of designs compared by the maximin criterion.</summary>
    public const int DefaultIterations = 20;

    /// <summary>Most rows a design may have; maximin compares all pairs, so its cost grows as n².</summary>
    public const int MaxSamples = 100_000;

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => false;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        StrategyOptions options = request.Options;
        options.RequireKnown(Name, "samples", "criterion", "iterations", StrategyOptions.MaxDrawsOption);
        if (!options.Contains("samples") && request.Budget < 1)
        {
            throw new SuggestionException("strategy 'lhs' needs the campaign budget or option 'samples' to size its design");
        }

        int samples = options.GetInt32("samples", Math.Min(request.Budget, MaxSamples), 1, MaxSamples);
        bool maximin = options.GetChoice("criterion", "random", "random", "maximin") == "maximin";
        int iterations = options.GetInt32("iterations", DefaultIterations, 1, 10_000);
        int dimension = request.Space.Dimension;

        // Rows are read in increasing order, so only the current design is kept.
        long currentBlock = -1;
        double[][] design = [];
        double[] Row(long index)
        {
            long block = index / samples;
            if (block != currentBlock)
            {
                SplitMix64 random = new((ulong)unchecked(request.Seed + block));
                design = maximin
                    ? LatinHypercube.MaximinDesign(samples, dimension, iterations, random)
                    : LatinHypercube.Design(samples, dimension, random);
                currentBlock = block;
            }

            return design[index % samples];
        }

        return FeasibleSampling.Take(
            Row,
            long.MaxValue,
            request.Space,
            request.Constraints,
            request.SuggestedSoFar,
            request.Count,
            options.GetMaxDraws());
    }
}
