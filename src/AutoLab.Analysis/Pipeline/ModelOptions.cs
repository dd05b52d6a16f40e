using System.Globalization;

namespace AutoLab.Analysis.Pipeline;

/// <summary>Reads a stage's options with clear errors for unknown names and bad values.</summary>
/// <remarks>Option names are matched case-insensitively, as YAML authors write them in any case.</remarks>
public sealed class ModelOptions
{
    private readonly string model;
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Wraps a stage's options and rejects names the model does not know.</summary>
    /// <param name="model">Model name, for messages.</param>
    /// <param name="options">The stage's options.</param>
    /// <param name="known">The option names the model understands.</param>
    /// <exception cref="AnalysisException">An option is not among <paramref name="known"/>; a typo is not silently ignored.</exception>
    public ModelOptions(string model, IReadOnlyDictionary<string, string>? options, params IReadOnlyCollection<string> known)
    {
        this.model = model;
        foreach (KeyValuePair<string, string> pair in options ?? new Dictionary<string, string>())
        {
            if (!known.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new AnalysisException($"unknown option '{pair.Key}' for model '{model}'; known options: {string.Join(", ", known)}");
            }

            values[pair.Key] = pair.Value;
        }
    }

    /// <summary>A text option, trimmed.</summary>
    /// <param name="name">Option name.</param>
    /// <returns>The value, or null when absent or blank.</returns>
    public string? GetString(string name) =>
        values.TryGetValue(name, out string? text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A text option that must be present.</summary>
    /// <param name="name">Option name.</param>
    /// <returns>The value, trimmed.</returns>
    /// <exception cref="AnalysisException">The option is absent or blank.</exception>
    public string GetRequiredString(string name) =>
        GetString(name) ?? throw new AnalysisException($"model '{model}' needs option '{name}'");

    /// <summary>A finite number option, invariant culture ("1.5e-3").</summary>
    /// <param name="name">Option name.</param>
    /// <param name="defaultValue">Value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="AnalysisException">The value is not a finite number.</exception>
    public double GetDouble(string name, double defaultValue)
    {
        string? text = GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new AnalysisException($"option '{name}' of model '{model}' must be a finite number; got '{text}'");
    }
}
