using System.Globalization;

namespace AutoLab.ActiveLearning.Sampling;

/// <summary>
/// The 32 direction numbers of each Sobol dimension, built once from <see cref="JoeKuoDirectionNumbers"/>.
/// </summary>
internal static class SobolDirections
{
    /// <summary>Bits of precision of each coordinate; the sequence has 2^32 points.</summary>
    public const int Bits = 32;

    private static readonly Lazy<uint[][]> Table = new(Build);

    /// <summary>Number of dimensions the table supports.</summary>
    public static int MaxDimension => Table.Value.Length;

    /// <summary>Direction numbers v_1 … v_32 of one dimension as 32-bit binary fractions.</summary>
    /// <param name="dimension">0-based dimension, below <see cref="MaxDimension"/>.</param>
    /// <returns>The shared array; do not modify.</returns>
    public static uint[] For(int dimension) => Table.Value[dimension];

    private static uint[][] Build()
    {
        string[] lines = JoeKuoDirectionNumbers.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        List<uint[]> dimensions = [VanDerCorput()];

        // The first line is the header "d s a m_i".
        foreach (string line in lines.Skip(1))
        {
            int[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(field => int.Parse(field, CultureInfo.InvariantCulture))
                .ToArray();
            int degree = fields[1];
            if (fields[0] != dimensions.Count + 1 || fields.Length != 3 + degree)
            {
                throw new InvalidOperationException($"Joe–Kuo table line '{line}' is out of order or malformed.");
            }

            dimensions.Add(FromRecurrence(degree, fields[2], fields.AsSpan(3)));
        }

        return [.. dimensions];
    }

    private static uint[] VanDerCorput()
    {
        uint[] v = new uint[Bits];
        for (int j = 0; j < Bits; j++)
        {
            v[j] = 1u << (Bits - 1 - j);
        }

        return v;
    }

    // Bratley and Fox's recurrence as Joe and Kuo state it: the first s numbers are given, the rest follow
    // from the primitive polynomial whose inner coefficients are the bits of a.
    private static uint[] FromRecurrence(int degree, int coefficients, ReadOnlySpan<int> initial)
    {
        uint[] v = new uint[Bits];
        for (int j = 0; j < Bits; j++)
        {
            if (j < degree)
            {
                v[j] = (uint)initial[j] << (Bits - 1 - j);
                continue;
            }

            uint value = v[j - degree] ^ (v[j - degree] >> degree);
            for (int k = 1; k < degree; k++)
            {
                if (((coefficients >> (degree - 1 - k)) & 1) == 1)
                {
                    value ^= v[j - k];
                }
            }

            v[j] = value;
        }

        return v;
    }
}
