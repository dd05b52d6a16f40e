using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>The scrambled-Sobol start that every GP strategy ("bo", "kriging", "phase-map") makes before it has a model.</summary>
internal static class InitialDesign
{
    /// <summary>
    /// The design points this request still needs: all of them while fewer than two observations exist, otherwise
    /// enough to bring observed + pending up to <paramref name="initialPoints"/>. The sequence continues from the
    /// campaign's suggestions so far, so batches never repeat a design point.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="observed">Succeeded observations the model would be fitted to.</param>
    /// <param name="pending">Points in flight.</param>
    /// <param name="initialPoints">Size of the design.</param>
    /// <param name="maxDraws">Consecutive infeasible candidates allowed.</param>
    /// <returns>The design points (possibly none).</returns>
    internal static List<ParameterPoint> Take(SuggestionRequest request, int observed, int pending, int initialPoints, int maxDraws)
    {
        int fromDesign = observed < 2
            ? request.Count
            : Math.Clamp(initialPoints - observed - pending, 0, request.Count);
        if (fromDesign == 0)
        {
            return [];
        }

        SobolSequence design = new(request.Space.Dimension, SobolScramble.Owen, request.Seed);
        return [.. FeasibleSampling.Take(
            index => design.Element(index), SobolSequence.Length, request.Space, request.Constraints, request.SuggestedSoFar, fromDesign, maxDraws)];
    }

    /// <summary>Scrambled Sobol candidates in the unit cube that satisfy the request's linear constraints.</summary>
    /// <param name="request">The request.</param>
    /// <param name="rawSamples">Sobol points drawn.</param>
    /// <param name="stream">Seed of the scramble.</param>
    /// <returns>The feasible ones (possibly none).</returns>
    internal static List<double[]> FeasibleSobol(SuggestionRequest request, int rawSamples, long stream)
    {
        SobolSequence sobol = new(request.Space.Dimension, SobolScramble.Owen, stream);
        List<double[]> candidates = [];
        for (long i = 0; i < rawSamples; i++)
        {
            double[] point = sobol.Element(i);
            if (request.Constraints.IsEmpty || request.Constraints.IsSatisfiedBy(request.Space.FromUnit(point)))
            {
                candidates.Add(point);
            }
        }

        return candidates;
    }
}
