using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>
/// The suggestion loop shared by the GP strategies: Sobol initial design, GP fit, then one acquisition
/// maximisation per point with pending and chosen points fantasized (kriging believer).
/// </summary>
/// <remarks>
/// Stateless: everything is recomputed from the request, and every random choice is seeded from the
/// campaign seed and the number of observations, so the same request gives the same points. Kriging
/// believer (Ginsbourger et al. 2010) conditions the GP on y = μ(x) at each pending or chosen point; the
/// mean is unchanged but the variance collapses there, which pushes the next point of a batch elsewhere.
/// Integer and categorical parameters are relaxed to the unit interval and snapped through the space, and
/// the model is conditioned at the snapped point.
/// </remarks>
internal static class GaussianProcessSuggester
{
    /// <summary>Suggests <see cref="SuggestionRequest.Count"/> points.</summary>
    internal static IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request, string strategy, SuggesterSettings settings)
    {
        if (request.Count == 0)
        {
            return [];
        }

        SearchSpace space = request.Space;
        int d = space.Dimension;
        if (d > SobolSequence.MaxDimension)
        {
            throw new SuggestionException($"strategy '{strategy}' supports at most {SobolSequence.MaxDimension} parameters; the space has {d}");
        }

        ObjectiveData data = ObjectiveData.FromRequest(request, strategy, settings.Objective);
        List<double[]> pending = [.. request.Pending.Select((p, i) => ObjectiveData.ToUnit(request, p, strategy, $"pending point {i + 1}"))];
        int observed = data.Values.Count;
        List<ParameterPoint> points = InitialDesign.Take(request, observed, pending.Count, settings.InitialPoints, settings.MaxDraws);

        if (points.Count == request.Count)
        {
            return points;
        }

        long stream = unchecked((long)SplitMix64.Combine((ulong)request.Seed, (ulong)observed));
        GaussianProcess process = FitModel(data.Inputs, data.Values, settings, stream, strategy);

        List<GaussianProcess> constraintModels = [];
        bool[] feasibleObservation = [.. data.Values.Select(_ => true)];
        foreach (OutcomeConstraint constraint in settings.OutcomeConstraints)
        {
            double[] slack = ConstraintSlack(request, constraint, strategy);
            for (int i = 0; i < slack.Length; i++)
            {
                feasibleObservation[i] &= slack[i] <= 0.0;
            }

            constraintModels.Add(FitModel(data.Inputs, slack, settings, stream, strategy));
        }

        // Incumbent: the best observation that met every outcome constraint; none yet means search for feasibility alone.
        double incumbent = double.NegativeInfinity;
        for (int i = 0; i < data.Values.Count; i++)
        {
            incumbent = feasibleObservation[i] ? Math.Max(incumbent, data.Values[i]) : incumbent;
        }

        double observedBest = incumbent;
        foreach (double[] point in pending.Concat(points.Select(space.ToUnit)))
        {
            incumbent = Believe(process, constraintModels, point, incumbent);
        }

        Func<double[], bool> feasible = request.Constraints.IsEmpty
            ? _ => true
            : unit => request.Constraints.IsSatisfiedBy(space.FromUnit(unit));
        List<double[]> candidates = Candidates(request, data, settings, stream, feasible);
        if (settings.ReferencePoints > 0)
        {
            // kriging's imse scores a candidate by the variance it removes from the whole map, which needs the joint posterior; it conditions on its own picks.
            List<double[]> conditioned = [.. data.Inputs, .. pending, .. points.Select(space.ToUnit)];
            points.AddRange(Kriging.IntegratedVarianceBatch.Choose(request, process.Hyperparameters, settings, conditioned, candidates, request.Count - points.Count, stream, feasible));
            return points;
        }

        bool exploitNow = request.Budget > 0 && observed + pending.Count + points.Count >= request.Budget - settings.ExploitFinal;
        if (settings.MonteCarloBatch && double.IsFinite(observedBest) && !exploitNow)
        {
            // q-EI scores the batch jointly with the pending points; any points it cannot place fall back to the believer below.
            List<double[]> fixedPoints = [.. pending, .. points.Select(space.ToUnit)];
            int[] picks = MonteCarloExpectedImprovement.Choose(data.Inputs, data.Values, process.Hyperparameters, settings.Process.Kernel, fixedPoints, candidates, observedBest, request.Count - points.Count, stream);
            foreach (int pick in picks)
            {
                ParameterPoint chosen = space.FromUnit(candidates[pick]);
                points.Add(chosen);
                incumbent = Believe(process, constraintModels, space.ToUnit(chosen), incumbent);
            }
        }

        while (points.Count < request.Count)
        {
            // Budget-aware exploitation: the campaign's last few evaluations go where the posterior mean is best.
            // With outcome constraints the sum with log feasibility needs a log-scale acquisition, so EI/PI stay on.
            int position = observed + pending.Count + points.Count;
            bool exploit = request.Budget > 0 && position >= request.Budget - settings.ExploitFinal && constraintModels.Count == 0;
            Acquisition? acquisition = exploit
                ? new(AcquisitionKind.UpperConfidenceBound, incumbent, beta: 0.0)
                : double.IsFinite(incumbent) ? new(settings.Acquisition, incumbent, settings.Beta) : null;
            ConstrainedAcquisition objective = new(acquisition, process, constraintModels);
            (double[] best, _) = AcquisitionOptimizer.Maximize(objective, candidates, settings.Starts, feasible);
            ParameterPoint chosen = space.FromUnit(best);
            points.Add(chosen);
            incumbent = Believe(process, constraintModels, space.ToUnit(chosen), incumbent);
        }

        return points;
    }

    /// <summary>Conditions every model on its posterior mean at a point; returns the incumbent, raised when the believed point is believed feasible.</summary>
    private static double Believe(GaussianProcess process, List<GaussianProcess> constraints, double[] point, double incumbent)
    {
        double mean = process.Predict(point).Mean;
        process.AddObservation(point, mean);
        bool feasible = true;
        foreach (GaussianProcess constraint in constraints)
        {
            double slack = constraint.Predict(point).Mean;
            constraint.AddObservation(point, slack);
            feasible &= slack <= 0.0;
        }

        return feasible ? Math.Max(incumbent, mean) : incumbent;
    }

    private static GaussianProcess FitModel(IReadOnlyList<double[]> inputs, IReadOnlyList<double> values, SuggesterSettings settings, long stream, string strategy)
    {
        try
        {
            return GaussianProcess.Fit(inputs, values, settings.Process, stream);
        }
        catch (InvalidOperationException e)
        {
            throw new SuggestionException($"strategy '{strategy}': {e.Message}", e);
        }
    }

    /// <summary>g of one outcome constraint for every succeeded observation, in the order of <see cref="ObjectiveData"/> (and of the multi-objective strategies' data).</summary>
    internal static double[] ConstraintSlack(SuggestionRequest request, OutcomeConstraint constraint, string strategy)
    {
        List<double> slack = [];
        foreach (Observation observation in request.History.Where(o => o.Succeeded))
        {
            if (!observation.Objectives.TryGetValue(constraint.Name, out double value) || !double.IsFinite(value))
            {
                throw new SuggestionException($"strategy '{strategy}': observation #{observation.Sequence} has no finite value for constrained outcome '{constraint.Name}'");
            }

            slack.Add(constraint.Slack(value));
        }

        return [.. slack];
    }

    /// <summary>Feasible raw candidates: scrambled Sobol points plus Gaussian perturbations of the best observations.</summary>
    private static List<double[]> Candidates(SuggestionRequest request, ObjectiveData data, SuggesterSettings settings, long stream, Func<double[], bool> feasible)
    {
        int d = request.Space.Dimension;
        List<double[]> candidates = InitialDesign.FeasibleSobol(request, settings.RawSamples, stream);

        // Local candidates around the incumbents (BoTorch's sample_around_best): EI's maxima often sit close to them.
        const int Around = 5;
        const int PerPoint = 20;
        const double Spread = 0.05;
        SplitMix64 random = SplitMix64.ForStream(stream, 1);
        int[] best = [.. Enumerable.Range(0, data.Values.Count).OrderByDescending(i => data.Values[i]).ThenBy(i => i).Take(Around)];
        foreach (int index in best)
        {
            for (int j = 0; j < PerPoint; j++)
            {
                double[] point = new double[d];
                for (int k = 0; k < d; k++)
                {
                    point[k] = Math.Clamp(data.Inputs[index][k] + (Spread * Gaussian(random)), 0.0, 1.0);
                }

                if (feasible(point))
                {
                    candidates.Add(point);
                }
            }
        }

        return candidates.Count > 0
            ? candidates
            : throw new SuggestionException($"constraints look infeasible: none of {settings.RawSamples} Sobol candidates satisfied them");
    }

    private static double Gaussian(SplitMix64 random)
    {
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
