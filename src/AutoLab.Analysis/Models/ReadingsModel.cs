using AutoLab.Analysis.Pipeline;

namespace AutoLab.Analysis.Models;

/// <summary>"readings": takes objectives straight from the measurement's scalar readings.</summary>
/// <remarks>
/// Each objective the campaign wants is read from the reading of the same name, unless option <c>map</c>
/// renames it ("y=branin_value,f2=loss" reads objective y from reading branin_value); readings the map
/// names must be present. When the campaign names no objectives and there is no map, every reading becomes
/// an objective. An objective's uncertainty is the reading named after its reading plus option
/// <c>sd_suffix</c> (default "_sd"; e.g. "branin_value_sd"), when the measurement has one. A reading that
/// is used must be finite and an uncertainty also non-negative.
/// <para>Options: <c>map</c>, <c>sd_suffix</c>.</para>
/// </remarks>
public sealed class ReadingsModel : IAnalysisModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "readings";

    /// <summary>Default suffix of the reading holding a reading's standard deviation.</summary>
    public const string DefaultSdSuffix = "_sd";

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options)
    {
        ModelOptions read = new(Name, options, "map", "sd_suffix");
        string sdSuffix = read.GetString("sd_suffix") ?? DefaultSdSuffix;
        IReadOnlyList<KeyValuePair<string, string>> map = ReadingMap.Parse(read.GetString("map"));

        List<KeyValuePair<string, string>> sources = [.. map];
        IEnumerable<string> unmapped = input.Objectives.Count > 0 || map.Count > 0
            ? input.Objectives
            : input.Readings.Keys.Where(r => !r.EndsWith(sdSuffix, StringComparison.Ordinal));
        foreach (string objective in unmapped)
        {
            if (!map.Any(m => m.Key == objective) && input.Readings.ContainsKey(objective))
            {
                sources.Add(new KeyValuePair<string, string>(objective, objective));
            }
        }

        Dictionary<string, double> objectives = new(StringComparer.Ordinal);
        Dictionary<string, double> uncertainties = new(StringComparer.Ordinal);
        foreach ((string objective, string reading) in sources)
        {
            objectives[objective] = Reading(input, reading, objective);
            if (input.Readings.ContainsKey(reading + sdSuffix))
            {
                double sd = Reading(input, reading + sdSuffix, objective);
                uncertainties[objective] = sd >= 0
                    ? sd
                    : throw new AnalysisException($"reading '{reading + sdSuffix}' (uncertainty of objective '{objective}') is negative: {sd}");
            }
        }

        return new AnalysisResult { Objectives = objectives, Uncertainties = uncertainties };
    }

    private static double Reading(AnalysisInput input, string reading, string objective)
    {
        if (!input.Readings.TryGetValue(reading, out double value))
        {
            string present = string.Join(", ", input.Readings.Keys.Order(StringComparer.Ordinal));
            throw new AnalysisException(
                $"reading '{reading}' (for objective '{objective}') is not in the measurement; readings: {(present.Length == 0 ? "(none)" : present)}");
        }

        return double.IsFinite(value)
            ? value
            : throw new AnalysisException($"reading '{reading}' (for objective '{objective}') is {value}, not a finite number");
    }
}
