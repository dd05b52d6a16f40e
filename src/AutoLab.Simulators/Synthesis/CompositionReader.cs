using System.Globalization;
using AutoLab.Contracts;

namespace AutoLab.Simulators.Synthesis;

/// <summary>Reads a composition from a point's parameters named after the elements ("Fe" or "x_Fe").</summary>
/// <remarks>
/// With every element given, the fractions are normalised by their sum, so an optimiser can search a box
/// [0, 1]ᴺ. With one element missing, it is the remainder 1 − Σ, and a point whose given fractions exceed 1
/// is refused (the usual simplex parametrisation with N − 1 free fractions).
/// </remarks>
public static class CompositionReader
{
    /// <summary>Parameter naming the annealing temperature (°C).</summary>
    public const string AnnealTemperatureParameter = "anneal_temperature_c";

    /// <summary>Reads the composition.</summary>
    /// <param name="elements">The diagram's elements.</param>
    /// <param name="point">The point.</param>
    /// <param name="composition">Atom fractions in element order, summing to 1.</param>
    /// <returns>Null when read, else the reason the point is refused.</returns>
    public static string? TryRead(IReadOnlyList<string> elements, ParameterPoint point, out double[] composition)
    {
        composition = new double[elements.Count];
        var missing = -1;
        for (var i = 0; i < elements.Count; i++)
        {
            if (point.Values.TryGetValue(elements[i], out var value) || point.Values.TryGetValue("x_" + elements[i], out value))
            {
                if (!(value >= 0) || !double.IsFinite(value))
                {
                    return $"fraction of {elements[i]} = {value.ToString(CultureInfo.InvariantCulture)} is negative or not finite";
                }

                composition[i] = value;
            }
            else if (missing < 0)
            {
                missing = i;
            }
            else
            {
                return $"the point gives no fraction for {elements[missing]} and {elements[i]}; give all of {string.Join(", ", elements)} (normalised) or all but one (the rest is the remainder)";
            }
        }

        var sum = composition.Sum();
        if (missing >= 0)
        {
            if (sum > 1.0 + 1e-9)
            {
                return $"fractions of {string.Join(", ", elements.Where((_, i) => i != missing))} sum to {sum.ToString("G6", CultureInfo.InvariantCulture)} > 1, leaving nothing for {elements[missing]}";
            }

            composition[missing] = Math.Max(0.0, 1.0 - sum);
            return null;
        }

        if (!(sum > 0))
        {
            return $"fractions of {string.Join(", ", elements)} are all zero";
        }

        for (var i = 0; i < composition.Length; i++)
        {
            composition[i] /= sum;
        }

        return null;
    }
}
