using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>The steps "parego" and "ehvi" share: options, the Sobol initial design, GP fits, outcome-constraint models and raw acquisition candidates.</summary>
internal static class MultiObjectiveSuggestion
{
    /// <summary>Options both strategies read.</summary>
    internal static readonly string[] CommonOptions = ["initial_points", "kernel", "restarts", "max_fit_points", "raw_samples", "starts", StrategyOptions.MaxDrawsOption];

    /// <summary>GP settings with the priors of "bo".</summary>
    internal static GaussianProcessOptions ProcessOptions(StrategyOptions options) => new()
    {
        Kernel = options.GetChoice("kernel", "matern52", "matern52", "rbf") == "rbf" ? KernelKind.Rbf : KernelKind.Matern52,
        Restarts = options.GetInt32("restarts", 2, 0, 100),
        LengthScalePrior = GammaPrior.BoTorchDefault,
        SignalVariancePrior = GammaPrior.BoTorchSignalVariance,
        MaxFitPoints = options.GetInt32("max_fit_points", 500, 2),
    };

    /// <summary>Unit-cube pending points.</summary>
    internal static List<double[]> Pending(SuggestionRequest request, string strategy) =>
        [.. request.Pending.Select((p, i) => ObjectiveData.ToUnit(request, p, strategy, $"pending point {i + 1}"))];

    /// <summary>The Sobol design's share of the request, continuing the campaign's sequence (as "bo" does).</summary>
    internal static List<ParameterPoint> InitialDesign(SuggestionRequest request, string strategy, int observed, int pending)
    {
        int d = request.Space.Dimension;
        if (d > SobolSequence.MaxDimension)
        {
            throw new SuggestionException($"strategy '{strategy}' supports at most {SobolSequence.MaxDimension} parameters; the space has {d}");
        }

        int initialPoints = request.Options.GetInt32("initial_points", 2 * (d + 1), 2);
        int fromDesign = observed < 2 ? request.Count : Math.Clamp(initialPoints - observed - pending, 0, request.Count);
        if (fromDesign == 0)
        {
            return [];
        }

        SobolSequence design = new(d, SobolScramble.Owen, request.Seed);
        return [.. FeasibleSampling.Take(
            index => design.Element(index), SobolSequence.Length, request.Space, request.Constraints, request.SuggestedSoFar, fromDesign, request.Options.GetMaxDraws())];
    }

    /// <summary>The linear-constraint check on unit-cube points.</summary>
    internal static Func<double[], bool> Feasibility(SuggestionRequest request) =>
        request.Constraints.IsEmpty
            ? _ => true
            : unit => request.Constraints.IsSatisfiedBy(request.Space.FromUnit(unit));

    /// <summary>Fits a GP, turning a numerical failure into a strategy error.</summary>
    internal static GaussianProcess Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> values, GaussianProcessOptions process, long stream, string strategy)
    {
        try
        {
            return GaussianProcess.Fit(inputs, values, process, stream);
        }
        catch (InvalidOperationException e)
        {
            throw new SuggestionException($"strategy '{strategy}': {e.Message}", e);
        }
    }

    /// <summary>Feasible raw candidates: scrambled Sobol points plus Gaussian perturbations of the inputs at <paramref name="around"/>.</summary>
    internal static List<double[]> Candidates(int d, IReadOnlyList<double[]> inputs, IEnumerable<int> around, int rawSamples, long stream, Func<double[], bool> feasible)
    {
        SobolSequence sobol = new(d, SobolScramble.Owen, stream);
        List<double[]> candidates = [];
        for (long i = 0; i < rawSamples; i++)
        {
            double[] point = sobol.Element(i);
            if (feasible(point))
            {
                candidates.Add(point);
            }
        }

        // Local candidates around the best observations (as "bo" does): the acquisition's maxima often sit close to them.
        const int PerPoint = 20;
        const double Spread = 0.05;
        SplitMix64 random = SplitMix64.ForStream(stream, 1);
        foreach (int index in around)
        {
            for (int j = 0; j < PerPoint; j++)
            {
                double[] point = new double[d];
                for (int k = 0; k < d; k++)
                {
                    double u = 1.0 - random.NextDouble();
                    double gaussian = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
                    point[k] = Math.Clamp(inputs[index][k] + (Spread * gaussian), 0.0, 1.0);
                }

                if (feasible(point))
                {
                    candidates.Add(point);
                }
            }
        }

        return candidates.Count > 0
            ? candidates
            : throw new SuggestionException($"constraints look infeasible: none of {rawSamples} Sobol candidates satisfied them");
    }

    /// <summary>
    /// One GP per outcome constraint (<c>at_most.NAME</c>, <c>at_least.NAME</c>, as in "bo"), believed at the pending
    /// and design points, and which observations met every constraint.
    /// </summary>
    internal static (List<GaussianProcess> Models, bool[] Feasible) ConstraintModels(SuggestionRequest request, MultiObjectiveData data, GaussianProcessOptions process, List<double[]> pending, List<ParameterPoint> points, string strategy)
    {
        SearchSpace space = request.Space;
        bool[] feasible = [.. data.Costs.Select(_ => true)];
        List<GaussianProcess> models = [];
        IReadOnlyList<OutcomeConstraint> constraints = OutcomeConstraint.FromOptions(request.Options);
        if (constraints.Count == 0 || data.Costs.Count < 2 || points.Count >= request.Count)
        {
            return (models, feasible);
        }

        long stream = unchecked((long)SplitMix64.Combine((ulong)request.Seed, (ulong)data.Costs.Count));
        foreach (OutcomeConstraint constraint in constraints)
        {
            double[] slack = GaussianProcessSuggester.ConstraintSlack(request, constraint, strategy);
            for (int i = 0; i < slack.Length; i++)
            {
                feasible[i] &= slack[i] <= 0.0;
            }

            GaussianProcess model = Fit(data.Inputs, slack, process, stream, strategy);
            foreach (double[] point in pending.Concat(points.Select(space.ToUnit)))
            {
                model.AddObservation(point, model.Predict(point).Mean);
            }

            models.Add(model);
        }

        return (models, feasible);
    }
}
