using System.Globalization;
using AutoLab.ActiveLearning.Space;

namespace AutoLab.ActiveLearning.Strategies;

/// <summary>A strategy's options from the campaign spec, read with clear errors for unknown names and bad values.</summary>
/// <remarks>Option names are matched case-insensitively, as YAML authors write them in any case.</remarks>
public sealed class StrategyOptions
{
    /// <summary>Option common to every strategy: consecutive rejected candidates before the constraints are declared infeasible.</summary>
    public const string MaxDrawsOption = "max_draws";

    private readonly Dictionary<string, string> values;

    /// <summary>Wraps the options of a request.</summary>
    /// <param name="values">Option values by name; null means none.</param>
    public StrategyOptions(IReadOnlyDictionary<string, string>? values)
    {
        this.values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> pair in values ?? new Dictionary<string, string>())
        {
            this.values[pair.Key] = pair.Value;
        }
    }

    /// <summary>No options.</summary>
    public static StrategyOptions Empty { get; } = new(null);

    /// <summary>Option names present.</summary>
    public IReadOnlyCollection<string> Names => values.Keys;

    /// <summary>Rejects options the strategy does not know, so a misspelt option is not silently ignored.</summary>
    /// <param name="strategy">Strategy name, for the message.</param>
    /// <param name="known">The strategy's option names.</param>
    /// <exception cref="SuggestionException">An option is not among <paramref name="known"/>.</exception>
    public void RequireKnown(string strategy, params IReadOnlyCollection<string> known)
    {
        foreach (string name in values.Keys)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new SuggestionException($"unknown option '{name}' for strategy '{strategy}'; known options: {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>An integer option.</summary>
    /// <param name="name">Option name.</param>
    /// <param name="defaultValue">Value when the option is absent.</param>
    /// <param name="minimum">Smallest allowed value.</param>
    /// <param name="maximum">Largest allowed value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SuggestionException">The value is not a whole number in range.</exception>
    public int GetInt32(string name, int defaultValue, int minimum, int maximum = int.MaxValue)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum
            ? value
            : throw new SuggestionException($"option '{name}' must be a whole number from {minimum} to {maximum}; got '{text}'");
    }

    /// <summary>A real-valued option.</summary>
    /// <param name="name">Option name.</param>
    /// <param name="defaultValue">Value when the option is absent.</param>
    /// <param name="minimum">Smallest allowed value.</param>
    /// <param name="maximum">Largest allowed value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SuggestionException">The value is not a finite number in range.</exception>
    public double GetDouble(string name, double defaultValue, double minimum, double maximum = double.PositiveInfinity)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
               && double.IsFinite(value) && value >= minimum && value <= maximum
            ? value
            : throw new SuggestionException($"option '{name}' must be a number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}; got '{text}'");
    }

    /// <summary>An option that takes one of a few words.</summary>
    /// <param name="name">Option name.</param>
    /// <param name="defaultValue">Value when the option is absent.</param>
    /// <param name="allowed">The allowed words, lower case.</param>
    /// <returns>The value, lower case.</returns>
    /// <exception cref="SuggestionException">The value is not one of <paramref name="allowed"/>.</exception>
    public string GetChoice(string name, string defaultValue, params IReadOnlyCollection<string> allowed)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return defaultValue;
        }

        string trimmed = text.Trim();
        return allowed.FirstOrDefault(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw new SuggestionException($"option '{name}' must be one of {string.Join(", ", allowed)}; got '{text}'");
    }

    /// <summary>A free-text option, trimmed.</summary>
    /// <param name="name">Option name.</param>
    /// <param name="defaultValue">Value when the option is absent.</param>
    /// <returns>The value.</returns>
    public string GetString(string name, string defaultValue) =>
        values.TryGetValue(name, out string? text) ? text.Trim() : defaultValue;

    /// <summary>Whether an option is present.</summary>
    /// <param name="name">Option name.</param>
    /// <returns>True when the campaign set it.</returns>
    public bool Contains(string name) => values.ContainsKey(name);

    /// <summary>The <see cref="MaxDrawsOption"/> value, default <see cref="FeasibleSampling.DefaultMaxDraws"/>.</summary>
    /// <returns>Consecutive rejections allowed, at least 1.</returns>
    public int GetMaxDraws() => GetInt32(MaxDrawsOption, FeasibleSampling.DefaultMaxDraws, 1);
}
