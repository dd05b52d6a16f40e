using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>"phase-map": autonomous phase mapping — measure next where the phase map is least certain.</summary>
/// <remarks>
/// <para>The active-learning step of the closed-loop phase mapping of seed 003 (Fig. 10) and seed 000
/// §II.A.3: every measured composition comes back with one output per phase (the phase-id stage's
/// presence probabilities by default, or its fractions with a detection level), and the map is kriged
/// from them (<see cref="PhaseMapModel"/>: one GP per phase, the phase set read where each mean crosses
/// the level). The next composition is where the boundaries are least certain: by default the straddle of
/// level-set estimation (Bryan et al., NeurIPS 2005), Σ_k max(0, 1.96 σ_k − |μ_k − level|), which is large
/// near a boundary the data place only roughly and in unexplored regions, and falls as σ does; or, with
/// <c>acquisition: misclassification</c>, the expected number of wrong phase calls Σ_k Φ(−|μ_k − level| / σ_k).
/// Kusne et al.'s CAMEO (Nat. Commun. 11, 5966, 2020) steers its phase mapping by the same kind of boundary
/// uncertainty.</para>
/// <para>A Sobol design (<see cref="PhaseMapSettings.InitialPoints"/>) comes first; batches condition every
/// GP on its own mean at each pending and chosen point (kriging believer), which shrinks σ there exactly
/// as a measurement would and so spreads a batch along the boundaries. Candidates are scrambled Sobol
/// points that satisfy the campaign's linear constraints (a composition simplex). Stateless: the same
/// request gives the same points.</para>
/// </remarks>
public sealed class PhaseMapStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "phase-map";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count == 0)
        {
            return [];
        }

        PhaseMapSettings settings = PhaseMapSettings.Read(request);
        SearchSpace space = request.Space;
        int d = space.Dimension;
        if (d > SobolSequence.MaxDimension)
        {
            throw new SuggestionException($"strategy '{Name}' supports at most {SobolSequence.MaxDimension} parameters; the space has {d}");
        }

        (List<double[]> inputs, List<double>[] values) = ReadHistory(request, settings);
        List<double[]> pending = [.. request.Pending.Select((p, i) => ObjectiveData.ToUnit(request, p, Name, $"pending point {i + 1}"))];
        int observed = inputs.Count;
        List<ParameterPoint> points = InitialDesign.Take(request, observed, pending.Count, settings.InitialPoints, settings.MaxDraws);

        if (points.Count == request.Count)
        {
            return points;
        }

        long stream = unchecked((long)SplitMix64.Combine((ulong)request.Seed, (ulong)observed));
        PhaseMapModel model;
        try
        {
            model = PhaseMapModel.Fit(inputs, values, settings.Outputs, settings.Level, settings.Process, stream);
        }
        catch (InvalidOperationException e)
        {
            throw new SuggestionException($"strategy '{Name}': {e.Message}", e);
        }

        foreach (double[] point in pending.Concat(points.Select(space.ToUnit)))
        {
            model.Believe(point);
        }

        List<double[]> candidates = Candidates(request, settings, stream);
        while (points.Count < request.Count)
        {
            double[] scores = settings.Acquisition == "misclassification"
                ? model.ExpectedMislabels(candidates)
                : model.Straddle(candidates, settings.Beta);
            int best = 0;
            for (int i = 1; i < scores.Length; i++)
            {
                best = scores[i] > scores[best] ? i : best;
            }

            ParameterPoint chosen = space.FromUnit(candidates[best]);
            points.Add(chosen);
            model.Believe(space.ToUnit(chosen));
            candidates.RemoveAt(best);
            if (candidates.Count == 0)
            {
                candidates = Candidates(request, settings, stream + points.Count);
            }
        }

        return points;
    }

    /// <summary>The succeeded observations as unit-cube inputs and one value row per mapped output.</summary>
    private (List<double[]> Inputs, List<double>[] Values) ReadHistory(SuggestionRequest request, PhaseMapSettings settings)
    {
        List<double[]> inputs = [];
        List<double>[] values = [.. settings.Outputs.Select(_ => new List<double>())];
        foreach (Observation observation in request.History.Where(o => o.Succeeded))
        {
            for (int k = 0; k < settings.Outputs.Count; k++)
            {
                string output = settings.Outputs[k];
                if (!observation.Objectives.TryGetValue(output, out double value) || !double.IsFinite(value))
                {
                    throw new SuggestionException($"strategy '{Name}': observation #{observation.Sequence} succeeded but has no finite value for '{output}'");
                }

                values[k].Add(value);
            }

            inputs.Add(ObjectiveData.ToUnit(request, observation.Parameters, Name, $"observation #{observation.Sequence}"));
        }

        return (inputs, values);
    }

    /// <summary>Scrambled Sobol candidates that satisfy the constraints.</summary>
    private List<double[]> Candidates(SuggestionRequest request, PhaseMapSettings settings, long stream)
    {
        List<double[]> candidates = InitialDesign.FeasibleSobol(request, settings.RawSamples, stream);
        return candidates.Count > 0
            ? candidates
            : throw new SuggestionException($"strategy '{Name}': the constraints look infeasible: none of {settings.RawSamples} Sobol candidates satisfied them");
    }
}
