using System.Globalization;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.Sampling;

/// <summary>The direction-number table is complete and well formed: a corrupted row would silently spoil a dimension.</summary>
public class JoeKuoDirectionNumbersTests
{
    private static int[][] Rows() =>
    [
        .. JoeKuoDirectionNumbers.Table
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray()),
    ];

    [Fact]
    public void The_table_covers_at_least_the_first_21_dimensions_in_order()
    {
        int[][] rows = Rows();

        Assert.True(rows.Length >= 20, "dimensions 2 to 21 at least");
        Assert.Equal(Enumerable.Range(2, rows.Length), rows.Select(r => r[0]));
        Assert.Equal(rows.Length + 1, SobolSequence.MaxDimension);
    }

    [Fact]
    public void The_first_rows_are_those_published()
    {
        int[][] rows = Rows();

        Assert.Equal([2, 1, 0, 1], rows[0]);
        Assert.Equal([3, 2, 1, 1, 3], rows[1]);
        Assert.Equal([21, 7, 4, 1, 3, 7, 13, 13, 15, 69], rows[19]);
    }

    [Fact]
    public void Every_row_has_valid_direction_numbers()
    {
        foreach (int[] row in Rows())
        {
            int degree = row[1];
            Assert.True(row.Length == 3 + degree, $"dimension {row[0]} declares degree {degree}");
            Assert.True(row[2] < 1 << Math.Max(degree - 1, 0), $"dimension {row[0]}: a has more bits than the degree allows");
            for (int i = 0; i < degree; i++)
            {
                int m = row[3 + i];
                Assert.True(m % 2 == 1 && m < 1 << (i + 1), $"dimension {row[0]}: m_{i + 1} = {m} must be odd and below 2^{i + 1}");
            }
        }
    }

    [Fact]
    public void Direction_numbers_are_full_rank_so_the_first_2_to_the_m_points_are_distinct()
    {
        // v_j's lowest set bit is digit j + 1 (bit 31 - j): each generator matrix is upper triangular with a unit
        // diagonal, hence invertible.
        for (int d = 0; d < SobolDirections.MaxDimension; d++)
        {
            uint[] v = SobolDirections.For(d);
            for (int j = 0; j < SobolDirections.Bits; j++)
            {
                Assert.True(System.Numerics.BitOperations.TrailingZeroCount(v[j]) == 31 - j, $"dimension {d + 1}, direction {j + 1}");
            }
        }

        int n = 1 << 12;
        SobolSequence sequence = new(SobolSequence.MaxDimension);
        HashSet<double> lastDimension = [.. Enumerable.Range(0, n).Select(k => sequence.Element(k)[^1])];
        Assert.Equal(n, lastDimension.Count);
    }
}
