using AutoLab.Analysis.Pipeline;

namespace AutoLab.Analysis.Models;

/// <summary>"scale": an affine unit conversion, target = factor · source + offset.</summary>
/// <remarks>
/// The source is an objective from an earlier stage or, when no earlier stage made one of that name, a
/// reading of the measurement. The uncertainty, where the source has one from an earlier stage, is scaled
/// by |factor|. With target equal to source (the default) the objective is converted in place, e.g.
/// from eV to keV with factor 0.001.
/// <para>Options: <c>source</c> (required), <c>target</c> (default: source), <c>factor</c> (default 1),
/// <c>offset</c> (default 0), numbers in invariant culture.</para>
/// </remarks>
public sealed class ScaleModel : IAnalysisModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "scale";

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options)
    {
        ModelOptions read = new(Name, options, "source", "target", "factor", "offset");
        string source = read.GetRequiredString("source");
        string target = read.GetString("target") ?? source;
        double factor = read.GetDouble("factor", 1.0);
        double offset = read.GetDouble("offset", 0.0);

        double value;
        if (input.Previous.Objectives.TryGetValue(source, out double objective))
        {
            value = objective;
        }
        else if (input.Readings.TryGetValue(source, out double reading))
        {
            value = reading;
        }
        else
        {
            throw new AnalysisException($"source '{source}' is neither an objective of an earlier stage nor a reading of the measurement");
        }

        if (!double.IsFinite(value))
        {
            throw new AnalysisException($"source '{source}' is {value}, not a finite number");
        }

        Dictionary<string, double> uncertainties = new(StringComparer.Ordinal);
        if (input.Previous.Uncertainties.TryGetValue(source, out double sd))
        {
            uncertainties[target] = Math.Abs(factor) * sd;
        }

        return new AnalysisResult
        {
            Objectives = new Dictionary<string, double>(StringComparer.Ordinal) { [target] = (factor * value) + offset },
            Uncertainties = uncertainties,
        };
    }
}
