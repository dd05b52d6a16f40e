using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Optimization;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>"ehvi": Bayesian optimization of 2 or 3 objectives by expected hypervolume improvement, with one GP per objective.</summary>
/// <remarks>
/// After the Sobol design (as <see cref="ParEgoStrategy"/>), each objective gets its own GP (priors of
/// "bo"), and each point maximises <see cref="ExpectedHypervolumeImprovement"/> over the observed front:
/// raw Sobol and local candidates are scored in a batch, and the best <c>starts</c> are polished by
/// bounded L-BFGS with the analytic gradient (chain rule through the posterior mean and variance).
/// Pending points and earlier points of the batch are believed (kriging believer): both GPs are
/// conditioned on their means there, and the believed objective vector joins the front, so the next
/// point seeks a different improvement. The reference point is the worst observed cost of each
/// objective plus a tenth of its observed range, a common default when the user gives none.
/// <para>Outcome constraints (<c>at_most.NAME</c>, <c>at_least.NAME</c>, as in "bo") each get a GP; the front then
/// holds the feasible observations only and EHVI is multiplied by the probability of feasibility.</para>
/// <para>Three objectives use <see cref="MonteCarloHypervolumeImprovement"/> (exact improvement per fixed base
/// sample, averaged) and choose each point among the raw candidates without gradient polish.</para>
/// <para>Options: <c>initial_points</c>, <c>kernel</c>, <c>restarts</c>, <c>max_fit_points</c>,
/// <c>raw_samples</c>, <c>starts</c>, <c>max_draws</c>, as for "parego".</para>
/// </remarks>
public sealed class ExpectedHypervolumeImprovementStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "ehvi";

    /// <summary>Fraction of each objective's observed range added beyond its worst value to make the reference point.</summary>
    public const double ReferenceMargin = 0.1;

    private static readonly LbfgsOptions Polish = new() { MaxIterations = 100, GradientTolerance = 1e-9 };

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        StrategyOptions options = request.Options;
        options.RequireKnown(Name, [.. MultiObjectiveSuggestion.CommonOptions, .. options.Names.Where(OutcomeConstraint.IsConstraintOption)]);
        MultiObjectiveData data = MultiObjectiveData.FromRequest(request, Name, 3);
        if (request.Count == 0)
        {
            return [];
        }

        SearchSpace space = request.Space;
        int d = space.Dimension;
        List<double[]> pending = MultiObjectiveSuggestion.Pending(request, Name);
        int observed = data.Costs.Count;
        List<ParameterPoint> points = MultiObjectiveSuggestion.InitialDesign(request, Name, observed, pending.Count);
        if (points.Count == request.Count)
        {
            return points;
        }

        int rawSamples = options.GetInt32("raw_samples", 1024, 1, 1 << 20);
        int starts = options.GetInt32("starts", 8, 0, 1000);
        GaussianProcessOptions process = MultiObjectiveSuggestion.ProcessOptions(options);
        Func<double[], bool> feasible = MultiObjectiveSuggestion.Feasibility(request);
        long stream = unchecked((long)SplitMix64.Combine((ulong)request.Seed, (ulong)observed));
        int objectives = data.Costs[0].Length;
        GaussianProcess[] models = new GaussianProcess[objectives];
        for (int j = 0; j < objectives; j++)
        {
            long modelStream = j == 0 ? stream : unchecked((long)SplitMix64.Combine((ulong)stream, (ulong)j));
            models[j] = MultiObjectiveSuggestion.Fit(data.Inputs, [.. data.Costs.Select(c => c[j])], process, modelStream, Name);
        }

        double[] reference = new double[objectives];
        double scale = 1.0;
        for (int j = 0; j < objectives; j++)
        {
            double low = data.Costs.Min(c => c[j]);
            double high = data.Costs.Max(c => c[j]);
            double range = high > low ? high - low : Math.Max(Math.Abs(high), 1.0);
            reference[j] = high + (ReferenceMargin * range);
            // EHVI is in the product of the objectives' units; dividing by the box keeps L-BFGS's tolerances meaningful.
            scale *= reference[j] - low;
        }

        // With outcome constraints the front holds the feasible observations only, and EHVI is weighted by the probability of feasibility.
        (List<GaussianProcess> constraintModels, bool[] feasibleObservation) = MultiObjectiveSuggestion.ConstraintModels(request, data, process, pending, points, Name);
        ConstrainedAcquisition? feasibility = constraintModels.Count > 0 ? new(null, models[0], constraintModels) : null;
        List<double[]> front = [.. data.Costs.Where((_, i) => feasibleObservation[i])];
        foreach (double[] point in pending.Concat(points.Select(space.ToUnit)))
        {
            front.Add(Believe(models, point));
        }

        int[] nonDominated = [.. Enumerable.Range(0, observed).Where(i => !data.Costs.Any(c => Dominates(c, data.Costs[i])))];
        const int Around = 5;
        List<double[]> candidates = MultiObjectiveSuggestion.Candidates(d, data.Inputs, nonDominated.Take(Around), rawSamples, stream, feasible);
        while (points.Count < request.Count)
        {
            double[] best = objectives == 2
                ? Maximize(new ExpectedHypervolumeImprovement(front, reference), models, candidates, starts, scale, feasible, feasibility)
                : MaximizeSampled(new MonteCarloHypervolumeImprovement(front, reference, seed: stream), models, candidates, feasibility);
            ParameterPoint chosen = space.FromUnit(best);
            points.Add(chosen);
            front.Add(Believe(models, space.ToUnit(chosen)));
            foreach (GaussianProcess constraint in constraintModels)
            {
                double[] unit = space.ToUnit(chosen);
                constraint.AddObservation(unit, constraint.Predict(unit).Mean);
            }
        }

        return points;
    }

    private static bool Dominates(double[] a, double[] b) => a.Zip(b).All(p => p.First <= p.Second) && a.Zip(b).Any(p => p.First < p.Second);

    /// <summary>The raw candidate with the largest sampled EHVI (three objectives; no gradient polish).</summary>
    private static double[] MaximizeSampled(MonteCarloHypervolumeImprovement ehvi, GaussianProcess[] models, List<double[]> candidates, ConstrainedAcquisition? feasibility)
    {
        int m = candidates.Count;
        double[] logFeasibility = new double[m];
        feasibility?.ScoreMany(candidates, logFeasibility);
        int k = models.Length;
        double[][] means = new double[k][];
        double[][] variances = new double[k][];
        for (int j = 0; j < k; j++)
        {
            means[j] = new double[m];
            variances[j] = new double[m];
            models[j].PredictMany(candidates, means[j], variances[j]);
        }

        double[] mean = new double[k];
        double[] variance = new double[k];
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < k; j++)
            {
                mean[j] = means[j][i];
                variance[j] = variances[j][i];
            }

            double value = ehvi.Evaluate(mean, variance) * Math.Exp(logFeasibility[i]);
            if (value > bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        return candidates[best];
    }

    /// <summary>Conditions both GPs on their means at a point and returns the believed objective vector.</summary>
    private static double[] Believe(GaussianProcess[] models, double[] point)
    {
        double[] means = new double[models.Length];
        for (int j = 0; j < models.Length; j++)
        {
            means[j] = models[j].Predict(point).Mean;
            models[j].AddObservation(point, means[j]);
        }

        return means;
    }

    private static double[] Maximize(ExpectedHypervolumeImprovement ehvi, GaussianProcess[] models, List<double[]> candidates, int starts, double scale, Func<double[], bool> feasible, ConstrainedAcquisition? feasibility)
    {
        int m = candidates.Count;
        double[] logFeasibility = new double[m];
        feasibility?.ScoreMany(candidates, logFeasibility);
        double[] mean1 = new double[m];
        double[] variance1 = new double[m];
        double[] mean2 = new double[m];
        double[] variance2 = new double[m];
        models[0].PredictMany(candidates, mean1, variance1);
        models[1].PredictMany(candidates, mean2, variance2);
        double[] scores = new double[m];
        for (int i = 0; i < m; i++)
        {
            double value = ehvi.Evaluate(mean1[i], variance1[i], mean2[i], variance2[i], []) / scale * Math.Exp(logFeasibility[i]);
            scores[i] = double.IsFinite(value) ? value : double.NegativeInfinity;
        }

        int[] order = [.. Enumerable.Range(0, m).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        double[] best = candidates[order[0]];
        double bestValue = scores[order[0]];
        int d = models[0].Dimension;
        double[] lower = new double[d];
        double[] upper = [.. Enumerable.Repeat(1.0, d)];
        double[] partial = new double[4];
        double[] feasibilityGradient = new double[d];
        DifferentiableFunction negative = (x, gradient) =>
        {
            Posterior first = models[0].Predict(x, withGradient: true);
            Posterior second = models[1].Predict(x, withGradient: true);
            double value = ehvi.Evaluate(first.Mean, first.Variance, second.Mean, second.Variance, partial) / scale;
            for (int k = 0; k < gradient.Length; k++)
            {
                gradient[k] = -((partial[0] * first.MeanGradient[k]) + (partial[1] * first.VarianceGradient[k])
                    + (partial[2] * second.MeanGradient[k]) + (partial[3] * second.VarianceGradient[k])) / scale;
            }

            if (feasibility is null)
            {
                return -value;
            }

            // (EHVI·P)' = (EHVI' + EHVI·(log P)')·P, with P the probability that every outcome constraint holds.
            double probability = Math.Exp(feasibility.Evaluate(x, feasibilityGradient));
            for (int k = 0; k < gradient.Length; k++)
            {
                gradient[k] = (gradient[k] - (value * feasibilityGradient[k])) * probability;
            }

            return -value * probability;
        };

        for (int s = 0; s < Math.Min(starts, m); s++)
        {
            LbfgsResult result = BoundedLbfgs.Minimize(negative, candidates[order[s]], lower, upper, Polish);
            if (double.IsFinite(result.Value) && -result.Value > bestValue && feasible(result.Point))
            {
                best = result.Point;
                bestValue = -result.Value;
            }
        }

        return best;
    }
}
