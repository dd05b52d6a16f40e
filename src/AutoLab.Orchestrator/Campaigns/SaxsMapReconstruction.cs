using AutoLab.ActiveLearning.GaussianProcesses;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Scores a map: fits one Gaussian process to the measured values, predicts its posterior mean on a dense
/// grid and compares it with the ground truth there.
/// </summary>
/// <remarks>
/// <para>Every design (kriging, grid, random) is reconstructed by this same GP, with the settings the
/// <c>kriging</c> strategy fits by default (Matérn-5/2 ARD, 2 restarts, BoTorch's Gamma priors on length
/// scales and signal variance, a fitted noise variance), so only the choice of measurement positions
/// differs between the curves.</para>
/// <para>Error = RMSE(μ − truth) / std(truth) over the grid (population std). 0 is a perfect map; 1 is what
/// predicting the map's mean everywhere would score, so the number reads as the fraction of the map's
/// variation left unexplained (its square is 1 − R²).</para>
/// </remarks>
public static class SaxsMapReconstruction
{
    /// <summary>The GP settings: those of the <c>kriging</c> strategy with its default options.</summary>
    public static GaussianProcessOptions Process { get; } = new()
    {
        Kernel = KernelKind.Matern52,
        Restarts = 2,
        LengthScalePrior = GammaPrior.BoTorchDefault,
        SignalVariancePrior = GammaPrior.BoTorchSignalVariance,
        MaxFitPoints = 500,
    };

    /// <summary>The normalised reconstruction error of a set of measurements.</summary>
    /// <param name="inputs">Unit-cube positions measured (at least two).</param>
    /// <param name="values">The values measured there.</param>
    /// <param name="grid">Unit-cube points of the dense grid.</param>
    /// <param name="truth">Ground truth at the grid points (finite; not all equal).</param>
    /// <param name="seed">Seed of the GP's random restarts.</param>
    /// <returns>RMSE of the posterior mean / std of the truth.</returns>
    /// <exception cref="ArgumentException">Mismatched lengths, fewer than two inputs, or a constant truth.</exception>
    public static double Error(IReadOnlyList<double[]> inputs, IReadOnlyList<double> values, IReadOnlyList<double[]> grid, IReadOnlyList<double> truth, long seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(truth);
        if (inputs.Count != values.Count || inputs.Count < 2)
        {
            throw new ArgumentException($"need at least two inputs with one value each; got {inputs.Count} inputs and {values.Count} values", nameof(values));
        }

        if (grid.Count != truth.Count || grid.Count == 0)
        {
            throw new ArgumentException("the grid and its ground truth must have the same, non-zero length", nameof(truth));
        }

        double mean = truth.Average();
        double spread = Math.Sqrt(truth.Sum(t => (t - mean) * (t - mean)) / truth.Count);
        if (!(spread > 0))
        {
            throw new ArgumentException("the ground truth is constant: a normalised error is undefined", nameof(truth));
        }

        GaussianProcess process = GaussianProcess.Fit(inputs, values, Process, seed);
        double[] means = new double[grid.Count];
        double[] variances = new double[grid.Count];
        process.PredictMany(grid, means, variances);
        double sum = 0.0;
        for (int i = 0; i < means.Length; i++)
        {
            double e = means[i] - truth[i];
            sum += e * e;
        }

        return Math.Sqrt(sum / means.Length) / spread;
    }
}
