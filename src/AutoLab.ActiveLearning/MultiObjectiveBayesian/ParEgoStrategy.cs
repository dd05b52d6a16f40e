using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>"parego": multi-objective Bayesian optimization of 2 or 3 objectives by random augmented Chebyshev scalarisations (ParEGO, qParEGO).</summary>
/// <remarks>
/// Until <c>initial_points</c> observations (pending points included) exist, points come from the scrambled
/// Sobol sequence, as for <see cref="BayesianOptimizationStrategy"/>. After that, each point of a batch
/// draws its own weight vector uniformly on the simplex, seeded by the campaign seed and the point's
/// position in the campaign (<see cref="SuggestionRequest.SuggestedSoFar"/> + i), scalarises the
/// normalised costs with <see cref="ChebyshevScalarization"/> (Knowles 2006), fits one GP to the
/// scalarisation with the priors of "bo", and maximises log expected improvement. Pending points and
/// the batch's earlier points are fantasized at the GP's mean (kriging believer), as qParEGO's
/// sequential greedy batch does (Daulton et al. 2020) with a different weight per point.
/// <para>Options: <c>initial_points</c> (default 2(d + 1)), <c>kernel</c> (<c>matern52</c> or <c>rbf</c>),
/// <c>restarts</c> (2), <c>max_fit_points</c> (500), <c>raw_samples</c> (1024), <c>starts</c> (8),
/// <c>rho</c> (augmentation weight, 0.05), <c>max_draws</c>, and outcome constraints <c>at_most.NAME</c> /
/// <c>at_least.NAME</c> as in "bo": each constrained value gets its own GP, fitted once per request and believed
/// at pending and chosen points, and log EI of the scalarisation is added to the log probability of
/// feasibility (<see cref="ConstrainedAcquisition"/>), with the incumbent the best feasible observation.</para>
/// <seealso cref="MultiObjectiveData"/>
/// <seealso cref="ExpectedHypervolumeImprovementStrategy"/>
/// </remarks>
public sealed class ParEgoStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "parego";

    /// <summary>Most objectives: the Chebyshev weights cover a simplex well only in few dimensions.</summary>
    public const int MaxObjectives = 3;

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        StrategyOptions options = request.Options;
        options.RequireKnown(Name, [.. MultiObjectiveSuggestion.CommonOptions, "rho", .. options.Names.Where(OutcomeConstraint.IsConstraintOption)]);
        MultiObjectiveData data = MultiObjectiveData.FromRequest(request, Name, MaxObjectives);
        if (request.Count == 0)
        {
            return [];
        }

        SearchSpace space = request.Space;
        List<double[]> pending = MultiObjectiveSuggestion.Pending(request, Name);
        List<ParameterPoint> points = MultiObjectiveSuggestion.InitialDesign(request, Name, data.Costs.Count, pending.Count);
        int rawSamples = options.GetInt32("raw_samples", 1024, 1, 1 << 20);
        int starts = options.GetInt32("starts", 8, 0, 1000);
        double rho = options.GetDouble("rho", ChebyshevScalarization.DefaultRho, 0.0);
        GaussianProcessOptions process = MultiObjectiveSuggestion.ProcessOptions(options);
        Func<double[], bool> feasible = MultiObjectiveSuggestion.Feasibility(request);
        (List<GaussianProcess> constraintModels, bool[] feasibleObservation) = MultiObjectiveSuggestion.ConstraintModels(request, data, process, pending, points, Name);
        while (points.Count < request.Count)
        {
            int position = request.SuggestedSoFar + points.Count;
            double[] weights = ChebyshevScalarization.RandomWeights(data.Objectives.Count, request.Seed, position);
            ChebyshevScalarization scalarization = ChebyshevScalarization.FromObservations(weights, data.Costs, rho);

            // The GP models −s so that larger is better, as Acquisition expects.
            double[] values = [.. data.Costs.Select(c => -scalarization.Evaluate(c))];
            long stream = unchecked((long)SplitMix64.Combine((ulong)request.Seed, (ulong)position));
            GaussianProcess model = MultiObjectiveSuggestion.Fit(data.Inputs, values, process, stream, Name);
            // Incumbent: the best scalarised cost among observations that met every outcome constraint; none yet means feasibility alone.
            double incumbent = Enumerable.Range(0, values.Length).Where(i => feasibleObservation[i]).Select(i => values[i]).DefaultIfEmpty(double.NegativeInfinity).Max();
            foreach (double[] point in pending.Concat(points.Select(space.ToUnit)))
            {
                double mean = model.Predict(point).Mean;
                model.AddObservation(point, mean);
                incumbent = Math.Max(incumbent, mean);
            }

            const int Around = 5;
            IEnumerable<int> best = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(Around);
            List<double[]> candidates = MultiObjectiveSuggestion.Candidates(space.Dimension, data.Inputs, best, rawSamples, stream, feasible);
            Acquisition? expected = double.IsFinite(incumbent) ? new(AcquisitionKind.ExpectedImprovement, incumbent) : null;
            ConstrainedAcquisition acquisition = new(expected, model, constraintModels);
            (double[] chosen, _) = AcquisitionOptimizer.Maximize(acquisition, candidates, starts, feasible);
            ParameterPoint suggestion = space.FromUnit(chosen);
            points.Add(suggestion);
            foreach (GaussianProcess constraint in constraintModels)
            {
                double[] unit = space.ToUnit(suggestion);
                constraint.AddObservation(unit, constraint.Predict(unit).Mean);
            }
        }

        return points;
    }
}
