using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>
/// A phase map as kriging sees it: one Gaussian process per phase output (a presence probability or a
/// phase fraction) over the composition space, and the phase set at a point read as the outputs whose
/// posterior mean reaches a level.
/// </summary>
/// <remarks>
/// <para>The boundaries of a phase map are the level sets μ_k(x) = level of the outputs. Where the GP of
/// output k is unsure on which side of its level x lies, the map is unsure: the probability that the
/// label of output k at x is wrong is Φ(−|μ_k(x) − level| / σ_k(x)), the misclassification probability of
/// level-set estimation (Bryan et al., NeurIPS 2005, "straddle"; Gotovos et al., IJCAI 2013). Its sum over
/// outputs is the expected number of wrong phase calls at x (<see cref="ExpectedMislabels"/>), a measure of how
/// well the map is known; <see cref="Straddle"/> is the acquisition <see cref="PhaseMapStrategy"/> uses by default.
/// Far from the data σ is large, so both explore as well as refine known boundaries.</para>
/// <para>σ is the latent (noise-free) standard deviation: re-measuring a point whose label is noisy does
/// not help the map as much as measuring beside it.</para>
/// </remarks>
public sealed class PhaseMapModel
{
    /// <summary>Most outputs: labels are bit masks.</summary>
    public const int MaxOutputs = 64;

    private readonly GaussianProcess[] processes;

    private PhaseMapModel(IReadOnlyList<string> outputs, GaussianProcess[] processes, double level)
    {
        Outputs = outputs;
        this.processes = processes;
        Level = level;
    }

    /// <summary>The outputs, in the order of the label bits.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The level at which an output counts as present.</summary>
    public double Level { get; }

    /// <summary>Number of observations the model holds, believed points included.</summary>
    public int Count => processes[0].Count;

    /// <summary>Fits one GP per output.</summary>
    /// <param name="inputs">Unit-cube points measured (at least two).</param>
    /// <param name="values">Per output, its value at every input (finite).</param>
    /// <param name="outputs">Output names, one per row of <paramref name="values"/>; 1 to <see cref="MaxOutputs"/>.</param>
    /// <param name="level">The presence level.</param>
    /// <param name="options">GP settings.</param>
    /// <param name="seed">Seed of the fits' random restarts.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">Mismatched lengths, too few inputs, or too many outputs.</exception>
    /// <exception cref="InvalidOperationException">A GP could not be fitted.</exception>
    public static PhaseMapModel Fit(
        IReadOnlyList<double[]> inputs,
        IReadOnlyList<IReadOnlyList<double>> values,
        IReadOnlyList<string> outputs,
        double level,
        GaussianProcessOptions options,
        long seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count is 0 or > MaxOutputs || values.Count != outputs.Count)
        {
            throw new ArgumentException($"a phase map needs 1 to {MaxOutputs} outputs with one value row each; got {outputs.Count} outputs and {values.Count} rows", nameof(values));
        }

        if (inputs.Count < 2 || values.Any(row => row.Count != inputs.Count))
        {
            throw new ArgumentException($"a phase map needs at least two inputs and one value per input in every row; got {inputs.Count} inputs", nameof(inputs));
        }

        GaussianProcess[] processes = new GaussianProcess[outputs.Count];
        for (int k = 0; k < outputs.Count; k++)
        {
            processes[k] = GaussianProcess.Fit(inputs, values[k], options, seed + k);
        }

        return new PhaseMapModel(outputs, processes, level);
    }

    /// <summary>The phase set at a point: bit k is set when output k's posterior mean reaches the level.</summary>
    /// <param name="point">Unit-cube coordinates.</param>
    /// <returns>The label.</returns>
    public ulong Label(ReadOnlySpan<double> point)
    {
        ulong label = 0;
        for (int k = 0; k < processes.Length; k++)
        {
            if (processes[k].Predict(point).Mean >= Level)
            {
                label |= 1UL << k;
            }
        }

        return label;
    }

    /// <summary>The phase sets at many points (batched prediction).</summary>
    /// <param name="points">Unit-cube points.</param>
    /// <returns>One label per point.</returns>
    public ulong[] Labels(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        ulong[] labels = new ulong[points.Count];
        double[] means = new double[points.Count];
        double[] variances = new double[points.Count];
        for (int k = 0; k < processes.Length; k++)
        {
            processes[k].PredictMany(points, means, variances);
            for (int i = 0; i < labels.Length; i++)
            {
                if (means[i] >= Level)
                {
                    labels[i] |= 1UL << k;
                }
            }
        }

        return labels;
    }

    /// <summary>The expected number of wrong phase calls at many points: Σ_k Φ(−|μ_k − level| / σ_k).</summary>
    /// <param name="points">Unit-cube points.</param>
    /// <returns>One value per point, from 0 to half the number of outputs.</returns>
    public double[] ExpectedMislabels(IReadOnlyList<double[]> points) =>
        SumOverOutputs(points, (mean, sd) => sd > 0.0 ? NormalDistribution.Cdf(-Math.Abs(mean - Level) / sd) : 0.0);

    /// <summary>The straddle score at many points: Σ_k max(0, β σ_k − |μ_k − level|).</summary>
    /// <param name="points">Unit-cube points.</param>
    /// <param name="beta">Width of the confidence band in standard deviations (1.96 in Bryan et al.).</param>
    /// <returns>One score per point, in output units; 0 where every output is on a known side of its level.</returns>
    /// <remarks>
    /// Unlike <see cref="ExpectedMislabels"/>, which stays at ½ on a boundary however often it is sampled when the
    /// outputs there are noisy, the straddle falls with σ, so repeated samples on one noisy stretch of boundary
    /// soon lose to the rest of the map.
    /// </remarks>
    public double[] Straddle(IReadOnlyList<double[]> points, double beta) =>
        SumOverOutputs(points, (mean, sd) => Math.Max(0.0, (beta * sd) - Math.Abs(mean - Level)));

    /// <summary>Conditions every output's GP on its own posterior mean at a point (kriging believer), so the next pick of a batch goes elsewhere.</summary>
    /// <param name="point">Unit-cube coordinates of a pending or chosen point.</param>
    public void Believe(ReadOnlySpan<double> point)
    {
        foreach (GaussianProcess process in processes)
        {
            process.AddObservation(point, process.Predict(point).Mean);
        }
    }

    /// <summary>Σ over outputs of a score of each output's posterior mean and latent standard deviation, at many points.</summary>
    private double[] SumOverOutputs(IReadOnlyList<double[]> points, Func<double, double, double> score)
    {
        ArgumentNullException.ThrowIfNull(points);
        double[] sum = new double[points.Count];
        double[] means = new double[points.Count];
        double[] variances = new double[points.Count];
        foreach (GaussianProcess process in processes)
        {
            process.PredictMany(points, means, variances);
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += score(means[i], Math.Sqrt(Math.Max(variances[i], 0.0)));
            }
        }

        return sum;
    }
}
