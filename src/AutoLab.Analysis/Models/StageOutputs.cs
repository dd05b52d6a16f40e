using System.Text;
using AutoLab.Analysis.Pipeline;

namespace AutoLab.Analysis.Models;

/// <summary>Helpers the registry-model stages share: output names, the <c>train</c> option and the <c>map</c> option.</summary>
public static class StageOutputs
{
    /// <summary>An output-name fragment from a phase or family name: lower case, runs of other characters as one '_'.</summary>
    /// <param name="name">E.g. "gamma-(Ni,Fe)" or "CoreShell".</param>
    /// <returns>E.g. "gamma_ni_fe" or "core_shell".</returns>
    public static string Slug(string name)
    {
        StringBuilder text = new(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // CamelCase enum names become snake_case: "CoreShell" -> "core_shell".
                if (char.IsAsciiLetterUpper(c) && i > 0 && char.IsAsciiLetterLower(name[i - 1]))
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }

        return text.ToString().TrimEnd('_');
    }

    /// <summary>Reads option <c>train</c>: full (default), quick or never.</summary>
    /// <param name="read">The stage's options.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="AnalysisException">Another value.</exception>
    public static TrainPolicy Policy(ModelOptions read) => read.GetString("train")?.ToLowerInvariant() switch
    {
        null or "full" or "yes" or "true" => TrainPolicy.Full,
        "quick" => TrainPolicy.Quick,
        "never" or "no" or "false" => TrainPolicy.Never,
        string other => throw new AnalysisException($"option 'train' must be full, quick or never, not '{other}'"),
    };

    /// <summary>Adds the objectives that option <c>map</c> renames ("y=fraction_ni3al"), with their uncertainties.</summary>
    /// <param name="map">The option's text, or null.</param>
    /// <param name="objectives">The stage's objectives; renamed copies are added.</param>
    /// <param name="uncertainties">The stage's uncertainties; renamed copies are added.</param>
    /// <exception cref="AnalysisException">The map is malformed or names an output the stage did not make.</exception>
    public static void ApplyMap(string? map, Dictionary<string, double> objectives, Dictionary<string, double> uncertainties)
    {
        foreach ((string target, string source) in ReadingMap.Parse(map))
        {
            if (!objectives.TryGetValue(source, out double value))
            {
                throw new AnalysisException(
                    $"option 'map': '{source}' is not an output of this stage; outputs: {string.Join(", ", objectives.Keys.Order(StringComparer.Ordinal))}");
            }

            objectives[target] = value;
            if (uncertainties.TryGetValue(source, out double sd))
            {
                uncertainties[target] = sd;
            }
        }
    }
}
