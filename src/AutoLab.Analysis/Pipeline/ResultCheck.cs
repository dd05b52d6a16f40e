namespace AutoLab.Analysis.Pipeline;

/// <summary>The checks a pipeline's final result must pass before it is published.</summary>
internal static class ResultCheck
{
    /// <summary>Throws unless every wanted objective is present and every number finite (uncertainties also non-negative).</summary>
    /// <param name="result">The merged result.</param>
    /// <param name="input">The pipeline's input, for the objectives wanted and the readings to list.</param>
    /// <exception cref="AnalysisException">The first problem found.</exception>
    public static void Ensure(AnalysisResult result, AnalysisInput input)
    {
        foreach (string objective in input.Objectives)
        {
            if (!result.Objectives.ContainsKey(objective))
            {
                throw new AnalysisException(
                    $"the pipeline produced no objective '{objective}'; objectives produced: {List(result.Objectives.Keys)}; readings: {List(input.Readings.Keys)}");
            }
        }

        EnsureFinite("objective", result.Objectives);
        EnsureFinite("uncertainty of", result.Uncertainties);
        EnsureFinite("diagnostic", result.Diagnostics);
        foreach (KeyValuePair<string, double> pair in result.Uncertainties)
        {
            if (pair.Value < 0)
            {
                throw new AnalysisException($"uncertainty of '{pair.Key}' is negative ({pair.Value})");
            }
        }
    }

    private static void EnsureFinite(string what, IReadOnlyDictionary<string, double> values)
    {
        foreach (KeyValuePair<string, double> pair in values)
        {
            if (!double.IsFinite(pair.Value))
            {
                throw new AnalysisException($"{what} '{pair.Key}' is {pair.Value}, not a finite number");
            }
        }
    }

    private static string List(IEnumerable<string> names)
    {
        string joined = string.Join(", ", names.Order(StringComparer.Ordinal));
        return joined.Length == 0 ? "(none)" : joined;
    }
}
