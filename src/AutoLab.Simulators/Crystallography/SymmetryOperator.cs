using System.Globalization;
using System.Text;

namespace AutoLab.Simulators.Crystallography;

/// <summary>
/// A space-group symmetry operation x' = R x + t on fractional coordinates, as written in CIF
/// (e.g. "-x+1/2, y, -z+3/4").
/// </summary>
public sealed class SymmetryOperator
{
    private readonly int[] _rotation;
    private readonly double[] _translation;

    /// <summary>Creates an operator from its rotation (row-major 3×3 integers) and translation (fractions of the cell).</summary>
    /// <param name="rotation">Nine integers, row-major.</param>
    /// <param name="translation">Three fractions; reduced into [0, 1).</param>
    /// <exception cref="ArgumentException">The arrays have the wrong length.</exception>
    public SymmetryOperator(IReadOnlyList<int> rotation, IReadOnlyList<double> translation)
    {
        if (rotation.Count != 9 || translation.Count != 3)
        {
            throw new ArgumentException("a symmetry operator needs 9 rotation entries and 3 translations");
        }

        _rotation = [.. rotation];
        _translation = [.. translation.Select(Wrap)];
    }

    /// <summary>The identity x, y, z.</summary>
    public static SymmetryOperator Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1], [0.0, 0.0, 0.0]);

    /// <summary>Rotation part R, row-major.</summary>
    public IReadOnlyList<int> Rotation => _rotation;

    /// <summary>Translation part t, fractions in [0, 1).</summary>
    public IReadOnlyList<double> Translation => _translation;

    /// <summary>Parses the CIF form "x,y,z": each component a signed sum of x, y, z and a constant (fraction or decimal).</summary>
    /// <param name="text">The operator, e.g. "-y+1/2, x-y, z+0.25".</param>
    /// <returns>The operator.</returns>
    /// <exception cref="FormatException">The text is not three comma-separated components of that form.</exception>
    public static SymmetryOperator Parse(string text)
    {
        var parts = text.Replace(" ", "", StringComparison.Ordinal).Split(',');
        if (parts.Length != 3)
        {
            throw new FormatException($"symmetry operator '{text}' must have three comma-separated components");
        }

        var rotation = new int[9];
        var translation = new double[3];
        for (var row = 0; row < 3; row++)
        {
            ParseComponent(parts[row], text, rotation.AsSpan(row * 3, 3), out translation[row]);
        }

        return new SymmetryOperator(rotation, translation);
    }

    /// <summary>Applies the operator to a fractional position; the result is not wrapped into the cell.</summary>
    /// <param name="x">Fractional x.</param>
    /// <param name="y">Fractional y.</param>
    /// <param name="z">Fractional z.</param>
    /// <returns>The transformed position.</returns>
    public (double X, double Y, double Z) Apply(double x, double y, double z)
    {
        var r = _rotation;
        return (
            (r[0] * x) + (r[1] * y) + (r[2] * z) + _translation[0],
            (r[3] * x) + (r[4] * y) + (r[5] * z) + _translation[1],
            (r[6] * x) + (r[7] * y) + (r[8] * z) + _translation[2]);
    }

    /// <summary>This operator followed by a pure translation (a lattice centring vector).</summary>
    /// <param name="tx">Added x translation.</param>
    /// <param name="ty">Added y translation.</param>
    /// <param name="tz">Added z translation.</param>
    /// <returns>The combined operator.</returns>
    public SymmetryOperator Translated(double tx, double ty, double tz) =>
        new(_rotation, [_translation[0] + tx, _translation[1] + ty, _translation[2] + tz]);

    /// <summary>The CIF form, e.g. "-x+1/2,y,-z".</summary>
    /// <returns>The operator as text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var row = 0; row < 3; row++)
        {
            if (row > 0)
            {
                builder.Append(',');
            }

            var start = builder.Length;
            for (var col = 0; col < 3; col++)
            {
                var coefficient = _rotation[(row * 3) + col];
                if (coefficient == 0)
                {
                    continue;
                }

                builder.Append(coefficient < 0 ? "-" : builder.Length > start ? "+" : "");
                if (Math.Abs(coefficient) != 1)
                {
                    builder.Append(Math.Abs(coefficient).ToString(CultureInfo.InvariantCulture));
                }

                builder.Append("xyz"[col]);
            }

            if (_translation[row] != 0)
            {
                builder.Append(builder.Length > start ? "+" : "").Append(Fraction(_translation[row]));
            }
        }

        return builder.ToString();
    }

    private static double Wrap(double value)
    {
        var wrapped = value - Math.Floor(value);
        return wrapped >= 1.0 - 1e-9 ? 0.0 : wrapped;
    }

    private static string Fraction(double value)
    {
        foreach (var denominator in new[] { 2, 3, 4, 6, 8, 12 })
        {
            var numerator = value * denominator;
            if (Math.Abs(numerator - Math.Round(numerator)) < 1e-9)
            {
                return $"{(int)Math.Round(numerator)}/{denominator}";
            }
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void ParseComponent(string component, string text, Span<int> row, out double constant)
    {
        constant = 0;
        if (component.Length == 0)
        {
            throw new FormatException($"symmetry operator '{text}' has an empty component");
        }

        var i = 0;
        while (i < component.Length)
        {
            var sign = 1;
            if (component[i] is '+' or '-')
            {
                sign = component[i] == '-' ? -1 : 1;
                i++;
            }

            if (i >= component.Length)
            {
                throw new FormatException($"symmetry operator '{text}' ends a component with a sign");
            }

            var axis = "xyz".IndexOf(char.ToLowerInvariant(component[i]), StringComparison.Ordinal);
            if (axis >= 0)
            {
                row[axis] += sign;
                i++;
                continue;
            }

            var start = i;
            while (i < component.Length && (char.IsAsciiDigit(component[i]) || component[i] is '.' or '/'))
            {
                i++;
            }

            if (start == i)
            {
                throw new FormatException($"symmetry operator '{text}' has an unexpected '{component[i]}' in '{component}'");
            }

            var number = component[start..i];
            var value = ParseNumber(number, text);
            if (i < component.Length && "xyz".Contains(char.ToLowerInvariant(component[i]), StringComparison.Ordinal))
            {
                // A written-out coefficient such as "2x" (rare, but legal in some CIFs).
                row["xyz".IndexOf(char.ToLowerInvariant(component[i]), StringComparison.Ordinal)] += sign * (int)Math.Round(value);
                i++;
                continue;
            }

            constant += sign * value;
        }
    }

    private static double ParseNumber(string number, string text)
    {
        var slash = number.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain)
                ? plain
                : throw new FormatException($"symmetry operator '{text}' has a bad number '{number}'");
        }

        if (double.TryParse(number[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(number[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && denominator != 0)
        {
            return numerator / denominator;
        }

        throw new FormatException($"symmetry operator '{text}' has a bad fraction '{number}'");
    }
}
