using AutoLab.Analysis.Pipeline;

namespace AutoLab.Analysis.Models;

/// <summary>Parses the <c>map</c> option of <see cref="ReadingsModel"/>: "objective=reading" pairs separated by commas.</summary>
public static class ReadingMap
{
    /// <summary>Parses a map such as "y=branin_value, f2=loss".</summary>
    /// <param name="text">The option value; blank means no renames.</param>
    /// <returns>Reading name by objective name, in the order written.</returns>
    /// <exception cref="AnalysisException">An entry is not "objective=reading", or an objective appears twice.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text)
    {
        List<KeyValuePair<string, string>> pairs = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return pairs;
        }

        HashSet<string> objectives = new(StringComparer.Ordinal);
        foreach (string entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] sides = entry.Split('=', StringSplitOptions.TrimEntries);
            if (sides.Length != 2 || sides[0].Length == 0 || sides[1].Length == 0)
            {
                throw new AnalysisException($"option 'map': entry '{entry}' must look like objective=reading");
            }

            if (!objectives.Add(sides[0]))
            {
                throw new AnalysisException($"option 'map': objective '{sides[0]}' is mapped more than once");
            }

            pairs.Add(new KeyValuePair<string, string>(sides[0], sides[1]));
        }

        return pairs;
    }
}
