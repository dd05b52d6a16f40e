using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>A black-box constraint on a measured value, e.g. "purity &gt;= 0.9": known only after the experiment, modelled by its own GP.</summary>
/// <param name="Name">The observed value's name (a key of the observations' values).</param>
/// <param name="AtMost">True for value ≤ bound, false for value ≥ bound.</param>
/// <param name="Bound">The bound, in the value's units.</param>
public sealed record OutcomeConstraint(string Name, bool AtMost, double Bound)
{
    /// <summary>g(value), feasible when ≤ 0: value − bound for ≤, bound − value for ≥.</summary>
    /// <param name="value">The observed value.</param>
    /// <returns>The constraint function.</returns>
    public double Slack(double value) => AtMost ? value - Bound : Bound - value;

    /// <summary>Option-name prefix of an upper bound: <c>at_most.cost: 3</c> means cost ≤ 3.</summary>
    public const string AtMostPrefix = "at_most.";

    /// <summary>Option-name prefix of a lower bound: <c>at_least.purity: 0.9</c> means purity ≥ 0.9.</summary>
    public const string AtLeastPrefix = "at_least.";

    /// <summary>The constraints named by <see cref="AtMostPrefix"/> and <see cref="AtLeastPrefix"/> options.</summary>
    /// <param name="options">The strategy's options.</param>
    /// <returns>The constraints, sorted by option name so the order does not depend on the spec's.</returns>
    /// <exception cref="SuggestionException">A bound is not a finite number or names no value.</exception>
    public static IReadOnlyList<OutcomeConstraint> FromOptions(StrategyOptions options)
    {
        List<OutcomeConstraint> constraints = [];
        foreach (string option in options.Names.Order(StringComparer.Ordinal))
        {
            bool atMost = option.StartsWith(AtMostPrefix, StringComparison.OrdinalIgnoreCase);
            if (!atMost && !option.StartsWith(AtLeastPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string name = option[(atMost ? AtMostPrefix : AtLeastPrefix).Length..];
            if (name.Length == 0)
            {
                throw new SuggestionException($"option '{option}' names no measured value");
            }

            constraints.Add(new OutcomeConstraint(name, atMost, options.GetDouble(option, 0.0, double.MinValue, double.MaxValue)));
        }

        return constraints;
    }

    /// <summary>Whether an option name is an outcome constraint.</summary>
    /// <param name="option">Option name.</param>
    /// <returns>True for the two prefixes.</returns>
    public static bool IsConstraintOption(string option) =>
        option.StartsWith(AtMostPrefix, StringComparison.OrdinalIgnoreCase) || option.StartsWith(AtLeastPrefix, StringComparison.OrdinalIgnoreCase);
}
