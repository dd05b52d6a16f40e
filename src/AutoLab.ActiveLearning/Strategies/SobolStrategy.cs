using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Strategies;

/// <summary>"sobol": the scrambled Sobol low-discrepancy sequence (Joe–Kuo direction numbers) mapped into the space.</summary>
/// <remarks>
/// Suggestion k of the campaign is sequence element k + skip, so the sequence continues across batches
/// through <see cref="SuggestionRequest.SuggestedSoFar"/>; with constraints, it is the k-th element that
/// satisfies them. A campaign that runs 2^m points gets a full net: in each parameter, every one of the
/// 2^m equal intervals of the unit coordinate holds exactly one point. At most
/// <see cref="SobolSequence.MaxDimension"/> parameters.
/// <para>Options:</para>
/// <list type="bullet">
/// <item><c>scramble</c>: <c>owen</c> (default; nested uniform scramble), <c>lms</c> (random linear matrix
/// scramble plus digital shift, Matoušek 1998) or <c>none</c> (the plain sequence; the seed is ignored).</item>
/// <item><c>skip</c>: elements to skip at the start; default 0 when scrambled and 1 when not, because the
/// plain sequence starts at the origin, a corner of the space (the convention of Bratley and Fox, so the
/// first points are 0.5; (0.75, 0.25); (0.25, 0.75); …).</item>
/// <item><c>max_draws</c> (default 10000): consecutive elements rejected by the constraints before the
/// request fails as infeasible.</item>
/// </list>
/// </remarks>
public sealed class SobolStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "sobol";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => false;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        StrategyOptions options = request.Options;
        options.RequireKnown(Name, "scramble", "skip", StrategyOptions.MaxDrawsOption);
        SobolScramble scramble = options.GetChoice("scramble", "owen", "owen", "lms", "none") switch
        {
            "lms" => SobolScramble.LinearMatrix,
            "none" => SobolScramble.None,
            _ => SobolScramble.Owen,
        };
        int skip = options.GetInt32("skip", scramble == SobolScramble.None ? 1 : 0, 0);

        if (request.Space.Dimension > SobolSequence.MaxDimension)
        {
            throw new SuggestionException(
                $"strategy 'sobol' supports at most {SobolSequence.MaxDimension} parameters (rows of the Joe–Kuo table in this build); the space has {request.Space.Dimension}");
        }

        SobolSequence sequence = new(request.Space.Dimension, scramble, request.Seed);
        return FeasibleSampling.Take(
            index => sequence.Element(index + skip),
            SobolSequence.Length - skip,
            request.Space,
            request.Constraints,
            request.SuggestedSoFar,
            request.Count,
            options.GetMaxDraws());
    }
}
