using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.TrustRegion;

/// <summary>
/// "turbo": trust-region Bayesian optimization of one objective (TuRBO-1, Eriksson et al., NeurIPS 2019)
/// for spaces of roughly 10 to 50 parameters, where one global GP explores too much.
/// </summary>
/// <remarks>
/// The trust-region state is not stored: <see cref="TrustRegionState.Replay(IReadOnlyList{double}, IReadOnlyList{double}, TurboSettings)"/> rebuilds it from the
/// history in sequence order with option <c>batch_size</c>. Each request then fits a Matérn-5/2 ARD GP to
/// the current segment's observations nearest the best one, places a box of side L around that best
/// point, stretched per input by the length scales (normalised to geometric mean 1), and picks points by
/// Thompson sampling over a Sobol perturbation set of the box, each point the argmax of its own joint
/// posterior draw (<see cref="JointThompsonSampler"/>). Pending points are conditioned on at their
/// posterior mean, so draws avoid them.
/// <para>Outcome constraints <c>at_most.NAME</c> / <c>at_least.NAME</c> (as in "bo") follow SCBO (Eriksson and
/// Poloczek, AISTATS 2021): one GP per constraint on the same local points, joint Thompson draws of the
/// objective and every constraint, the feasible candidate with the best drawn objective or else the least
/// drawn violation (<see cref="ConstrainedThompsonSampler"/>), and the best feasible observation (else the
/// least violating) as both the centre and the incumbent of the success rule.</para>
/// <para>Options (see <see cref="TurboSettings"/>): <c>initial_points</c> (2(d + 1)), <c>batch_size</c> (1),
/// <c>length_init</c> (0.8), <c>length_min</c> (0.5^7), <c>length_max</c> (1.6), <c>success_tolerance</c> (3),
/// <c>failure_tolerance</c> (⌈max(4, d / batch_size)⌉), <c>candidates</c> (min(100 d, 1000)),
/// <c>max_fit_points</c> (200), <c>restarts</c> (1), <c>objective</c>, <c>max_draws</c>, <c>at_most.NAME</c>, <c>at_least.NAME</c>.</para>
/// <seealso cref="BayesianOptimizationStrategy"/>
/// </remarks>
public sealed class TurboStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "turbo";

    /// <summary>Expected number of perturbed coordinates per candidate (TuRBO's min(20/d, 1) probability).</summary>
    private const double PerturbedCoordinates = 20.0;

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        TurboSettings settings = TurboSettings.Read(request, Name);
        if (request.Count == 0)
        {
            return [];
        }

        SuggestionRequest ordered = request with { History = [.. request.History.OrderBy(o => o.Sequence)] };
        ObjectiveData data = ObjectiveData.FromRequest(ordered, Name, settings.Objective);
        // Slacks in the order of the objective data (succeeded observations by sequence); a missing constrained value is refused here, even during the design.
        double[][] slacks = [.. settings.OutcomeConstraints.Select(c => GaussianProcessSuggester.ConstraintSlack(ordered, c, Name))];
        double[] violations = [.. Enumerable.Range(0, data.Values.Count).Select(i => slacks.Sum(g => Math.Max(0.0, g[i])))];
        TrustRegionState state = TrustRegionState.Replay(data.Values, violations, settings);
        List<double[]> pending = [.. request.Pending.Select((p, i) => ObjectiveData.ToUnit(request, p, Name, $"pending point {i}"))];
        int dimension = request.Space.Dimension;
        long stream = data.Values.Count + pending.Count;

        if (state.InDesign)
        {
            // Each segment has its own scrambled Sobol design, so a restart does not repeat the first one.
            long designSeed = (long)SplitMix64.Combine((ulong)request.Seed, (ulong)state.Restarts);
            SobolSequence sobol = new(dimension, SobolScramble.Owen, designSeed);
            return FeasibleSampling.Take(sobol.Element, SobolSequence.Length, request.Space, request.Constraints, state.SegmentCount + pending.Count, request.Count, settings.MaxDraws);
        }

        List<double[]> inputs = [.. data.Inputs.Skip(state.SegmentStart)];
        List<double> values = [.. data.Values.Skip(state.SegmentStart)];
        List<double> segmentViolations = [.. violations.Skip(state.SegmentStart)];
        double[] centre = inputs[Incumbent(values, segmentViolations)];
        int[] local = [.. Enumerable.Range(0, inputs.Count).OrderBy(i => SquaredDistance(inputs[i], centre)).ThenBy(i => i).Take(settings.MaxFitPoints)];
        List<double[]> x = [.. local.Select(i => inputs[i])];
        (double[] y, _, _) = Standardise([.. local.Select(i => values[i])]);

        long modelSeed = (long)SplitMix64.Combine((ulong)request.Seed, (ulong)stream);
        GaussianProcess process = GaussianProcess.Fit(x, y, ProcessOptions(settings), modelSeed);

        (double[] lower, double[] upper) = Box(centre, process.Hyperparameters.LengthScales, state.Length);
        List<double[]> candidates = Candidates(request, centre, lower, upper, settings.Candidates, modelSeed);
        if (candidates.Count == 0)
        {
            throw new SuggestionException($"strategy '{Name}': none of {settings.Candidates} candidates in the trust region satisfies the linear constraints");
        }

        // SCBO: one GP per outcome constraint on the same local points, its slack g standardised and the shift kept so that draws map back to g.
        List<(GaussianProcess Model, double[] Y, double Offset, double Scale)> constraintModels = [];
        for (int j = 0; j < slacks.Length; j++)
        {
            double[] segmentSlack = [.. slacks[j].Skip(state.SegmentStart)];
            (double[] g, double offset, double scale) = Standardise([.. local.Select(i => segmentSlack[i])]);
            long constraintSeed = (long)SplitMix64.Combine((ulong)modelSeed, (ulong)(j + 1));
            constraintModels.Add((GaussianProcess.Fit(x, g, ProcessOptions(settings), constraintSeed), g, offset, scale));
        }

        List<double[]> xWithPending = [.. x, .. pending];
        if (pending.Count > 0)
        {
            y = [.. y, .. BelievedMeans(process, pending)];
            for (int j = 0; j < constraintModels.Count; j++)
            {
                (GaussianProcess model, double[] g, double offset, double scale) = constraintModels[j];
                constraintModels[j] = (model, [.. g, .. BelievedMeans(model, pending)], offset, scale);
            }
        }

        SplitMix64 objectiveRandom = SplitMix64.ForStream(modelSeed, 2);
        int[] chosen;
        if (constraintModels.Count == 0)
        {
            chosen = JointThompsonSampler.Choose(xWithPending, y, process.Hyperparameters, KernelKind.Matern52, candidates, request.Count, objectiveRandom);
        }
        else
        {
            (double[] Mean, double[] Lower) objective = JointThompsonSampler.Prepare(xWithPending, y, process.Hyperparameters, KernelKind.Matern52, candidates);
            List<(double[] Mean, double[] Lower, double Offset, double Scale)> constraintPosteriors = [];
            List<SplitMix64> constraintRandoms = [];
            for (int j = 0; j < constraintModels.Count; j++)
            {
                (GaussianProcess model, double[] g, double offset, double scale) = constraintModels[j];
                (double[] mean, double[] factor) = JointThompsonSampler.Prepare(xWithPending, g, model.Hyperparameters, KernelKind.Matern52, candidates);
                constraintPosteriors.Add((mean, factor, offset, scale));
                constraintRandoms.Add(SplitMix64.ForStream(modelSeed, 3 + j));
            }

            chosen = ConstrainedThompsonSampler.Choose(objective, constraintPosteriors, request.Count, objectiveRandom, constraintRandoms);
        }

        return [.. chosen.Select(i => request.Space.FromUnit(candidates[i]))];
    }

    /// <summary>The trust region around <paramref name="centre"/>, clipped to the unit cube.</summary>
    /// <param name="centre">The best point of the segment.</param>
    /// <param name="lengthScales">ARD length scales of the local GP.</param>
    /// <param name="length">Side length L.</param>
    /// <returns>Lower and upper corners; side k is L·wₖ before clipping, wₖ = ℓₖ / (Π ℓ)^(1/d).</returns>
    public static (double[] Lower, double[] Upper) Box(IReadOnlyList<double> centre, IReadOnlyList<double> lengthScales, double length)
    {
        int d = centre.Count;
        double meanLog = lengthScales.Average(Math.Log);
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int k = 0; k < d; k++)
        {
            double halfSide = 0.5 * length * Math.Exp(Math.Log(lengthScales[k]) - meanLog);
            lower[k] = Math.Max(0.0, centre[k] - halfSide);
            upper[k] = Math.Min(1.0, centre[k] + halfSide);
        }

        return (lower, upper);
    }

    private static List<double[]> Candidates(SuggestionRequest request, double[] centre, double[] lower, double[] upper, int count, long seed)
    {
        int d = centre.Length;
        double probability = Math.Min(PerturbedCoordinates / d, 1.0);
        SobolSequence sobol = new(d, SobolScramble.Owen, seed);
        SplitMix64 mask = SplitMix64.ForStream(seed, 1);
        List<double[]> candidates = new(count);
        for (int c = 0; c < count; c++)
        {
            double[] s = sobol.Element(c);
            double[] point = [.. centre];
            bool any = false;
            for (int k = 0; k < d; k++)
            {
                if (mask.NextDouble() < probability)
                {
                    point[k] = lower[k] + ((upper[k] - lower[k]) * s[k]);
                    any = true;
                }
            }

            if (!any)
            {
                // A candidate equal to the centre teaches nothing: perturb one coordinate at least.
                int k = mask.NextInt32(d);
                point[k] = lower[k] + ((upper[k] - lower[k]) * s[k]);
            }

            if (request.Constraints.IsEmpty || request.Constraints.IsSatisfiedBy(request.Space.FromUnit(point)))
            {
                candidates.Add(point);
            }
        }

        return candidates;
    }

    /// <summary>Zero mean and unit population deviation, as <see cref="GaussianProcess"/> uses internally, with the shift and scale that undo it.</summary>
    private static (double[] Values, double Mean, double Scale) Standardise(double[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        double scale = variance > 0.0 ? Math.Sqrt(variance) : 1.0;
        return ([.. values.Select(v => (v - mean) / scale)], mean, scale);
    }

    /// <summary>The segment's incumbent in SCBO's order: the best feasible point, else the least-violating one (the first on ties).</summary>
    private static int Incumbent(List<double> values, List<double> violations)
    {
        int best = 0;
        for (int i = 1; i < values.Count; i++)
        {
            if (TrustRegionState.IsBetter(values[i], violations[i], values[best], violations[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static GaussianProcessOptions ProcessOptions(TurboSettings settings) => new()
    {
        Kernel = KernelKind.Matern52,
        Restarts = settings.Restarts,
        MaxLengthScale = 2.0,
        LengthScalePrior = GammaPrior.BoTorchDefault,
        SignalVariancePrior = GammaPrior.BoTorchSignalVariance,
    };

    /// <summary>Posterior means at the pending points: the kriging believer's values.</summary>
    private static double[] BelievedMeans(GaussianProcess model, List<double[]> points)
    {
        double[] means = new double[points.Count];
        double[] variances = new double[points.Count];
        model.PredictMany(points, means, variances);
        return means;
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int k = 0; k < a.Length; k++)
        {
            sum += (a[k] - b[k]) * (a[k] - b[k]);
        }

        return sum;
    }
}
