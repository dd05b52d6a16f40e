using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>Reads the options the GP strategies share.</summary>
internal static class GaussianProcessStrategyOptions
{
    /// <summary>Option names common to "bo" and "kriging".</summary>
    internal static readonly string[] Common =
        ["acquisition", "batch", "beta", "exploit_final", "max_fit_points", "initial_points", "kernel", "restarts", "raw_samples", "starts", "objective", StrategyOptions.MaxDrawsOption];

    /// <summary>Size of the reference set of <c>kriging</c>'s <c>acquisition: imse</c>.</summary>
    internal const string ReferencePointsOption = "reference_points";

    /// <summary>Builds the settings.</summary>
    /// <param name="request">The request.</param>
    /// <param name="strategy">Strategy name.</param>
    /// <param name="defaultAcquisition">Acquisition when the option is absent.</param>
    /// <param name="allowed">Acquisition words allowed.</param>
    internal static SuggesterSettings Read(SuggestionRequest request, string strategy, string defaultAcquisition, params IReadOnlyCollection<string> allowed)
    {
        StrategyOptions options = request.Options;
        bool kriging = strategy == Kriging.KrigingExplorerStrategy.StrategyName;
        options.RequireKnown(strategy, [.. Common, .. (kriging ? [ReferencePointsOption] : Array.Empty<string>()), .. options.Names.Where(OutcomeConstraint.IsConstraintOption)]);
        int d = request.Space.Dimension;
        string acquisition = options.GetChoice("acquisition", defaultAcquisition, allowed);
        int referencePoints = 0;
        if (acquisition == "imse")
        {
            referencePoints = options.GetInt32(ReferencePointsOption, 512, 1, 1 << 16);
            if (options.Contains("exploit_final") && options.GetInt32("exploit_final", 0, 0) > 0)
            {
                throw new SuggestionException($"strategy '{strategy}': exploit_final needs a pointwise acquisition; imse maps and never exploits");
            }
        }
        else if (options.Contains(ReferencePointsOption))
        {
            throw new SuggestionException($"strategy '{strategy}': {ReferencePointsOption} applies to acquisition imse only");
        }

        AcquisitionKind kind = acquisition switch
        {
            "pi" => AcquisitionKind.ProbabilityOfImprovement,
            "ucb" => AcquisitionKind.UpperConfidenceBound,
            // imse's batch loop (IntegratedVarianceReduction) replaces the pointwise acquisition; Variance keeps the mapping defaults.
            "variance" or "imse" => AcquisitionKind.Variance,
            _ => AcquisitionKind.ExpectedImprovement,
        };
        IReadOnlyList<OutcomeConstraint> outcomeConstraints = OutcomeConstraint.FromOptions(options);
        if (outcomeConstraints.Count > 0 && kind is not (AcquisitionKind.ExpectedImprovement or AcquisitionKind.ProbabilityOfImprovement))
        {
            throw new SuggestionException($"strategy '{strategy}': outcome constraints (at_most./at_least. options) need acquisition ei or pi (log scale, so the probability of feasibility multiplies it)");
        }

        bool monteCarloBatch = options.GetChoice("batch", "believer", "believer", "qei") == "qei";
        if (monteCarloBatch && (kind != AcquisitionKind.ExpectedImprovement || outcomeConstraints.Count > 0))
        {
            throw new SuggestionException($"strategy '{strategy}': batch: qei is Monte-Carlo expected improvement; it needs acquisition ei and no outcome constraints");
        }

        KernelKind kernel = options.GetChoice("kernel", "matern52", "matern52", "rbf") == "rbf" ? KernelKind.Rbf : KernelKind.Matern52;
        return new SuggesterSettings
        {
            Acquisition = kind,
            Beta = options.GetDouble("beta", 4.0, 0.0),
            InitialPoints = options.GetInt32("initial_points", 2 * (d + 1), 2),
            Process = new GaussianProcessOptions
            {
                Kernel = kernel,
                Restarts = options.GetInt32("restarts", 2, 0, 100),
                LengthScalePrior = GammaPrior.BoTorchDefault,
                SignalVariancePrior = GammaPrior.BoTorchSignalVariance,
                MaxFitPoints = options.GetInt32("max_fit_points", 500, 2),
            },
            RawSamples = options.GetInt32("raw_samples", 1024, 1, 1 << 20),
            Starts = options.GetInt32("starts", 8, 0, 1000),
            Objective = options.Contains("objective") ? options.GetChoice("objective", "", [.. request.Objectives.Select(o => o.Name)]) : null,
            MaxDraws = options.GetMaxDraws(),
            MonteCarloBatch = monteCarloBatch,
            ReferencePoints = referencePoints,
            OutcomeConstraints = outcomeConstraints,
            ExploitFinal = options.GetInt32("exploit_final", kind == AcquisitionKind.Variance || strategy == Kriging.KrigingExplorerStrategy.StrategyName ? 0 : request.Budget / 5, 0),
        };
    }
}
