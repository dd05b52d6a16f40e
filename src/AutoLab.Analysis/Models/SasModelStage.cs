using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Training.Sas;

namespace AutoLab.Analysis.Models;

/// <summary>"sas-model": which SAS model family the measured curve comes from, and its size, with a registry model.</summary>
/// <remarks>
/// <para>Reads the data with key <c>key</c> (default "iq": the SAXS camera's I(q) against q in Å⁻¹), refuses NaN
/// or negative intensities naming the file and index, interpolates I linearly in ln q onto the model's q grid
/// (which the measured range must cover) and runs <see cref="SasModelSelector"/>.</para>
/// <para>Objectives: <c>family_index</c> (index into the model's families), <c>family_confidence</c>,
/// <c>probability_F</c> per family (sphere, core_shell, cylinder, ellipsoid, gaussian_chain), <c>size</c> (the
/// chosen family's first size parameter, Å) and <c>size_P</c> for each of its parameters; the uncertainty of a
/// size is its Monte-Carlo-dropout spread (value × ln 10 × σ(log10 size)). Diagnostics: <c>size_log10_sd_P</c>.</para>
/// <para>Options: <c>model</c> (default <see cref="SasFamiliesBuiltIn.ModelName"/>), <c>key</c>, <c>train</c>,
/// <c>map</c>, as for <see cref="PhaseIdModel"/>.</para>
/// </remarks>
public sealed class SasModelStage(RegistryModelCache models) : IAnalysisModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "sas-model";

    /// <summary>The data key read by default: the SAXS camera's curve.</summary>
    public const string DefaultKey = "iq";

    // A measured range may miss the model's grid ends by rounding of the written numbers, not more.
    private const double RangeTolerance = 1e-9;

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options)
    {
        ModelOptions read = new(Name, options, "model", "key", "train", "map");
        string modelName = read.GetString("model") ?? SasFamiliesBuiltIn.ModelName;
        MeasuredArray curve = DataFiles.ReadArray(input, read.GetString("key") ?? DefaultKey);
        curve.RequireCounts("intensity", 2);
        SharedModel<SasModelSelector> shared = models.SasModelSelector(modelName, StageOutputs.Policy(read));
        IReadOnlyList<double> grid = shared.Use(selector => selector.Q);
        double[] intensity = Resample(curve, grid);

        SasPrediction prediction;
        try
        {
            prediction = shared.Use(selector => selector.Predict(intensity));
        }
        catch (ArgumentException ex)
        {
            throw new AnalysisException($"{curve.Path}: {ex.Message}", ex);
        }

        int chosen = prediction.Families.ToList().IndexOf(prediction.Family);
        Dictionary<string, double> objectives = new(StringComparer.Ordinal)
        {
            ["family_index"] = chosen,
            ["family_confidence"] = prediction.Confidence,
        };
        Dictionary<string, double> uncertainties = new(StringComparer.Ordinal);
        Dictionary<string, double> diagnostics = new(StringComparer.Ordinal);
        for (int f = 0; f < prediction.Families.Count; f++)
        {
            objectives[$"probability_{StageOutputs.Slug(prediction.Families[f].ToString())}"] = prediction.Probabilities[f];
        }

        for (int k = 0; k < prediction.Sizes.Count; k++)
        {
            SasSizeEstimate size = prediction.Sizes[k];
            double sd = size.Value * size.RelativeUncertainty;
            objectives[$"size_{size.Name}"] = size.Value;
            uncertainties[$"size_{size.Name}"] = sd;
            diagnostics[$"size_log10_sd_{size.Name}"] = size.Log10StandardDeviation;
            if (k == 0)
            {
                objectives["size"] = size.Value;
                uncertainties["size"] = sd;
            }
        }

        StageOutputs.ApplyMap(read.GetString("map"), objectives, uncertainties);
        return new AnalysisResult { Objectives = objectives, Uncertainties = uncertainties, Diagnostics = diagnostics };
    }

    /// <summary>I(q) at the grid's q, linear in ln q between the measured points.</summary>
    private static double[] Resample(MeasuredArray curve, IReadOnlyList<double> grid)
    {
        double[] q = curve.Axis;
        if (q[0] <= 0 || q[0] > grid[0] * (1 + RangeTolerance) || q[^1] < grid[^1] * (1 - RangeTolerance))
        {
            throw new AnalysisException(
                $"{curve.Path}: the curve's q range {q[0]:G4}..{q[^1]:G4} 1/Å does not cover the model's grid {grid[0]:G4}..{grid[^1]:G4} 1/Å");
        }

        double[] result = new double[grid.Count];
        int j = 0;
        for (int i = 0; i < grid.Count; i++)
        {
            double x = Math.Log(grid[i]);
            while (j < q.Length - 2 && Math.Log(q[j + 1]) < x)
            {
                j++;
            }

            double t = Math.Clamp((x - Math.Log(q[j])) / (Math.Log(q[j + 1]) - Math.Log(q[j])), 0.0, 1.0);
            result[i] = curve.Values[j] + (t * (curve.Values[j + 1] - curve.Values[j]));
        }

        return result;
    }
}
