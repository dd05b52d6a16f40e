using AutoLab.ActiveLearning.Optimization;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// The multi-start maximisation of the (penalised) log marginal likelihood behind <see cref="GaussianProcess.Fit"/>:
/// one default start and <see cref="GaussianProcessOptions.Restarts"/> random ones, the random ones screened and
/// warm-started on a random subset of the data before their full-data L-BFGS runs.
/// </summary>
/// <remarks>
/// <para>The warm start is a two-fidelity scheme. Hyperparameters maximising the likelihood of m random points are
/// close to those of all n (length scales, signal and noise variance are per-point quantities; with more data the
/// length scales shrink a little), and a likelihood evaluation on m points costs about (m/n)³ of one on n. Each
/// random restart is therefore the best of <see cref="ScreenFactor"/> log-uniform candidates valued on the subset,
/// run to convergence on the subset, and only then run on all the data, which needs fewer full evaluations than a
/// cold start from a random corner of the box.</para>
/// <para>The default start runs cold on all the data: on a subset it can slide into a neighbouring optimum (the
/// noise variance at its lower bound, say), and the fit would then be worse rather than faster. The number of
/// full-data L-BFGS runs is 1 + restarts either way, the same as scikit-learn's fit with n_restarts_optimizer.
/// Below 2m fit points the warm start is skipped and every random restart is a plain log-uniform draw.</para>
/// </remarks>
internal static class HyperparameterSearch
{
    /// <summary>Candidates screened per random restart when the warm start is on.</summary>
    internal const int ScreenFactor = 16;

    /// <summary>Runs every start and keeps the best.</summary>
    /// <param name="x">Fit inputs, row-major n × d.</param>
    /// <param name="y">Standardised fit outputs.</param>
    /// <param name="d">Inputs per point.</param>
    /// <param name="options">Kernel, bounds, restarts and warm start.</param>
    /// <param name="seed">Seed of the random starts and of the warm-start subset.</param>
    /// <param name="stream">Stream of the random starts (the full history size, as before the warm start existed).</param>
    /// <returns>The best log hyperparameters, the objective there and the evaluation counts.</returns>
    internal static SearchResult Run(double[] x, double[] y, int d, GaussianProcessOptions options, long seed, long stream)
    {
        MarginalLikelihood likelihood = new(x, y, d, options.Kernel, options.Jitter, options.LengthScalePrior, options.SignalVariancePrior);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmStartPoints, nameof(options));
        MarginalLikelihood? subset = null;
        if (options.WarmStartPoints > 0 && y.Length >= 2 * options.WarmStartPoints)
        {
            (double[] subsetX, double[] subsetY) = FitInputs.Subset(x, y, d, options.WarmStartPoints, seed);
            subset = new MarginalLikelihood(subsetX, subsetY, d, options.Kernel, options.Jitter, options.LengthScalePrior, options.SignalVariancePrior);
        }

        (double[] lower, double[] upper) = FitInputs.Bounds(options, d);
        LbfgsOptions lbfgs = new() { MaxIterations = options.MaxIterations, ValueOnlyTrials = true };
        SplitMix64 random = SplitMix64.ForStream(seed, stream);
        double[]? best = null;
        double bestValue = double.PositiveInfinity;
        int evaluations = 0;
        int subsetEvaluations = 0;
        List<double[]> starts = [FitInputs.DefaultStart(options, d, lower, upper)];
        if (subset is null)
        {
            for (int r = 0; r < options.Restarts; r++)
            {
                starts.Add(FitInputs.RandomStart(random, lower, upper));
            }
        }
        else
        {
            starts.AddRange(Screen(subset, random, lower, upper, options.Restarts, ref subsetEvaluations));
        }

        for (int index = 0; index < starts.Count; index++)
        {
            double[] theta = starts[index];

            // The default start runs cold on all the data (see the remarks): a warm start could change its basin.
            if (subset is not null && index > 0)
            {
                LbfgsResult warm = BoundedLbfgs.Minimize(subset.NegativeWithGradient, theta, lower, upper, lbfgs);
                subsetEvaluations += warm.Evaluations;
                if (double.IsFinite(warm.Value))
                {
                    theta = warm.Point;
                }
            }

            LbfgsResult result = BoundedLbfgs.Minimize(likelihood.NegativeWithGradient, theta, lower, upper, lbfgs);
            evaluations += result.Evaluations;
            if (double.IsFinite(result.Value) && result.Value < bestValue)
            {
                bestValue = result.Value;
                best = result.Point;
            }
        }

        return new SearchResult(best, bestValue, evaluations, subsetEvaluations);
    }

    /// <summary>
    /// Draws <see cref="ScreenFactor"/> × <paramref name="count"/> log-uniform candidates, values each on the subset
    /// and returns the best <paramref name="count"/>: random restarts that begin in a sensible region rather than,
    /// say, with every length scale at its bound, which costs a cold L-BFGS run dozens of extra iterations.
    /// </summary>
    private static IEnumerable<double[]> Screen(MarginalLikelihood subset, SplitMix64 random, double[] lower, double[] upper, int count, ref int evaluations)
    {
        if (count <= 0)
        {
            return [];
        }

        List<(double Value, double[] Theta)> candidates = [];
        for (int c = 0; c < ScreenFactor * count; c++)
        {
            double[] theta = FitInputs.RandomStart(random, lower, upper);
            double value = subset.NegativeWithGradient(theta, []);
            evaluations++;
            candidates.Add((double.IsFinite(value) ? value : double.PositiveInfinity, theta));
        }

        // A stable sort on the value keeps equal candidates in draw order, so the choice is deterministic.
        return [.. candidates.OrderBy(c => c.Value).Take(count).Select(c => c.Theta)];
    }
}
