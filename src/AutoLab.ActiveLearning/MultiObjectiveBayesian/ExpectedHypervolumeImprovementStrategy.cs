using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Optimization;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>"ehvi": Bayesian optimization of 2 objectives by exact expected hypervolume improvement, with one GP per objective.</summary>
/// <remarks>
/// After the Sobol design (as <see cref="ParEgoStrategy"/>), each objective gets its own GP (priors of
/// "bo"), and each point maximises <see cref="ExpectedHypervolumeImprovement"/> over the observed front:
/// raw Sobol and local candidates are scored in a batch, and the best <c>starts</c> are polished by
/// bounded L-BFGS with the analytic gradient (chain rule through the posterior mean and variance).
/// Pending points and earlier points of the batch are believed (kriging believer): both GPs are
/// conditioned on their means there, and the believed objective vector joins the front, so the next
/// point seeks a different improvement. The reference point is the worst observed cost of each
/// objective plus a tenth of its observed range, a common default when the user gives none.
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
        options.RequireKnown(Name, MultiObjectiveSuggestion.CommonOptions);
        MultiObjectiveData data = MultiObjectiveData.FromRequest(request, Name, 2);
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
        GaussianProcess[] models =
        [
            MultiObjectiveSuggestion.Fit(data.Inputs, [.. data.Costs.Select(c => c[0])], process, stream, Name),
            MultiObjectiveSuggestion.Fit(data.Inputs, [.. data.Costs.Select(c => c[1])], process, unchecked((long)SplitMix64.Combine((ulong)stream, 1UL)), Name),
        ];

        double[] reference = new double[2];
        double scale = 1.0;
        for (int j = 0; j < 2; j++)
        {
            double low = data.Costs.Min(c => c[j]);
            double high = data.Costs.Max(c => c[j]);
            double range = high > low ? high - low : Math.Max(Math.Abs(high), 1.0);
            reference[j] = high + (ReferenceMargin * range);
            // EHVI is in the product of the objectives' units; dividing by the box keeps L-BFGS's tolerances meaningful.
            scale *= reference[j] - low;
        }

        List<double[]> front = [.. data.Costs];
        foreach (double[] point in pending.Concat(points.Select(space.ToUnit)))
        {
            front.Add(Believe(models, point));
        }

        int[] nonDominated = [.. Enumerable.Range(0, observed).Where(i => !data.Costs.Any(c => Dominates(c, data.Costs[i])))];
        const int Around = 5;
        List<double[]> candidates = MultiObjectiveSuggestion.Candidates(d, data.Inputs, nonDominated.Take(Around), rawSamples, stream, feasible);
        while (points.Count < request.Count)
        {
            ExpectedHypervolumeImprovement ehvi = new(front, reference);
            double[] best = Maximize(ehvi, models, candidates, starts, scale, feasible);
            ParameterPoint chosen = space.FromUnit(best);
            points.Add(chosen);
            front.Add(Believe(models, space.ToUnit(chosen)));
        }

        return points;
    }

    private static bool Dominates(double[] a, double[] b) => a[0] <= b[0] && a[1] <= b[1] && (a[0] < b[0] || a[1] < b[1]);

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

    private static double[] Maximize(ExpectedHypervolumeImprovement ehvi, GaussianProcess[] models, List<double[]> candidates, int starts, double scale, Func<double[], bool> feasible)
    {
        int m = candidates.Count;
        double[] mean1 = new double[m];
        double[] variance1 = new double[m];
        double[] mean2 = new double[m];
        double[] variance2 = new double[m];
        models[0].PredictMany(candidates, mean1, variance1);
        models[1].PredictMany(candidates, mean2, variance2);
        double[] scores = new double[m];
        for (int i = 0; i < m; i++)
        {
            double value = ehvi.Evaluate(mean1[i], variance1[i], mean2[i], variance2[i], []) / scale;
            scores[i] = double.IsFinite(value) ? value : double.NegativeInfinity;
        }

        int[] order = [.. Enumerable.Range(0, m).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        double[] best = candidates[order[0]];
        double bestValue = scores[order[0]];
        int d = models[0].Dimension;
        double[] lower = new double[d];
        double[] upper = [.. Enumerable.Repeat(1.0, d)];
        double[] partial = new double[4];
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

            return -value;
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
