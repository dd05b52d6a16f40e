using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Space;

/// <summary>
/// Maps one parameter between its own values and a unit-interval coordinate, the space every sampler and
/// optimizer works in.
/// </summary>
/// <remarks>
/// Continuous parameters map linearly. Integer and categorical parameters give each of their values an
/// equal share of [0, 1], so a uniform coordinate picks every value equally often (rounding
/// <c>lower + u·(upper − lower)</c> instead would give the two end values half a share each); going back,
/// a value maps to the middle of its share.
/// </remarks>
public static class ParameterMapping
{
    /// <summary>The numeric value at unit coordinate <paramref name="unit"/>.</summary>
    /// <param name="parameter">A continuous or integer parameter of a validated space.</param>
    /// <param name="unit">Coordinate in [0, 1].</param>
    /// <returns>The value in the parameter's units, within its bounds.</returns>
    public static double ToValue(ParameterDefinition parameter, double unit)
    {
        CheckUnit(parameter, unit);
        if (parameter.Kind == ParameterKind.Integer)
        {
            double count = parameter.Upper - parameter.Lower + 1;
            return parameter.Lower + Math.Min(Math.Floor(unit * count), count - 1);
        }

        return Math.Min(parameter.Lower + (unit * (parameter.Upper - parameter.Lower)), parameter.Upper);
    }

    /// <summary>The choice at unit coordinate <paramref name="unit"/>.</summary>
    /// <param name="parameter">A categorical parameter of a validated space.</param>
    /// <param name="unit">Coordinate in [0, 1].</param>
    /// <returns>One of the parameter's choices.</returns>
    public static string ToChoice(ParameterDefinition parameter, double unit)
    {
        CheckUnit(parameter, unit);
        int count = parameter.Choices.Count;
        return parameter.Choices[Math.Min((int)Math.Floor(unit * count), count - 1)];
    }

    /// <summary>The unit coordinate of a numeric value.</summary>
    /// <param name="parameter">A continuous or integer parameter of a validated space.</param>
    /// <param name="value">
    /// Value in the parameter's units. Integers are rounded to the nearest whole number in bounds; values may
    /// lie outside the bounds by rounding noise (continuous) or less than half a step (integer), no more.
    /// </param>
    /// <returns>Coordinate in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or lies outside the bounds.</exception>
    public static double FromValue(ParameterDefinition parameter, double value)
    {
        double range = parameter.Upper - parameter.Lower;
        double tolerance = parameter.Kind == ParameterKind.Integer ? 0.5 : 1e-9 * range;
        if (!double.IsFinite(value) || value < parameter.Lower - tolerance || value > parameter.Upper + tolerance)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                $"parameter '{parameter.Name}': value {value} is outside its bounds [{parameter.Lower}, {parameter.Upper}]");
        }

        if (parameter.Kind == ParameterKind.Integer)
        {
            double index = Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), parameter.Lower, parameter.Upper) - parameter.Lower;
            return (index + 0.5) / (range + 1);
        }

        return Math.Clamp((value - parameter.Lower) / range, 0.0, 1.0);
    }

    /// <summary>The unit coordinate of a choice: the middle of its share.</summary>
    /// <param name="parameter">A categorical parameter of a validated space.</param>
    /// <param name="choice">One of the parameter's choices (ordinal comparison).</param>
    /// <returns>Coordinate in (0, 1).</returns>
    /// <exception cref="ArgumentException">The choice is not one of the parameter's.</exception>
    public static double FromChoice(ParameterDefinition parameter, string choice)
    {
        int index = -1;
        for (int i = 0; i < parameter.Choices.Count && index < 0; i++)
        {
            index = string.Equals(parameter.Choices[i], choice, StringComparison.Ordinal) ? i : -1;
        }

        if (index < 0)
        {
            throw new ArgumentException(
                $"parameter '{parameter.Name}': '{choice}' is not one of its choices ({string.Join(", ", parameter.Choices)})",
                nameof(choice));
        }

        return (index + 0.5) / parameter.Choices.Count;
    }

    private static void CheckUnit(ParameterDefinition parameter, double unit)
    {
        if (!(unit >= 0.0 && unit <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"parameter '{parameter.Name}': unit coordinate must lie in [0, 1]");
        }
    }
}
