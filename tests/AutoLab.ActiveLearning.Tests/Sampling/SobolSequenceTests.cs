using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.Sampling;

/// <summary>
/// The Sobol generator reproduces the published sequence unscrambled, and both scrambles keep the
/// stratification that makes it worth using.
/// </summary>
public class SobolSequenceTests
{
    [Fact]
    public void Unscrambled_first_points_are_the_known_sequence()
    {
        // Joe and Kuo's program and SciPy's qmc.Sobol(scramble=False) print these first eight points.
        double[][] expected =
        [
            [0, 0, 0, 0],
            [0.5, 0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25, 0.25],
            [0.25, 0.75, 0.75, 0.75],
            [0.375, 0.375, 0.625, 0.875],
            [0.875, 0.875, 0.125, 0.375],
            [0.625, 0.125, 0.875, 0.625],
            [0.125, 0.625, 0.375, 0.125],
        ];
        SobolSequence sequence = new(4);

        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], sequence.Element(k));
        }
    }

    [Theory]
    [InlineData(12345, new long[] { 2752774144, 3493593088, 855900160, 348913664, 2314469376, 2525757440 })]
    [InlineData(987654, new long[] { 2698579968, 398979072, 750514176, 4061868032, 2253967360, 1342468096 })]
    public void Far_elements_in_high_dimensions_match_the_reference_generator(long index, long[] expectedTimes2To32)
    {
        // Reference values from SciPy 1.10 qmc.Sobol(256, scramble=False) after fast_forward(index), in units
        // of 2^-32, for dimensions 1, 2, 21, 22, 100 and 256: they exercise the recurrence and the table's last row.
        int[] dimensions = [1, 2, 21, 22, 100, 256];
        double[] point = new SobolSequence(256).Element(index);

        for (int i = 0; i < dimensions.Length; i++)
        {
            Assert.True(
                expectedTimes2To32[i] == (long)(point[dimensions[i] - 1] * 4294967296.0),
                $"dimension {dimensions[i]} of element {index}");
        }
    }

    [Theory]
    [InlineData(SobolScramble.Owen, 4)]
    [InlineData(SobolScramble.Owen, 10)]
    [InlineData(SobolScramble.LinearMatrix, 4)]
    [InlineData(SobolScramble.LinearMatrix, 10)]
    public void Scrambled_first_2_to_the_m_points_put_one_point_in_each_interval_of_every_coordinate(SobolScramble scramble, int m)
    {
        int n = 1 << m;
        const int Dimension = 21;
        SobolSequence sequence = new(Dimension, scramble, seed: 7);
        int[,] hits = new int[Dimension, n];

        for (int k = 0; k < n; k++)
        {
            double[] point = sequence.Element(k);
            for (int d = 0; d < Dimension; d++)
            {
                hits[d, (int)(point[d] * n)]++;
            }
        }

        for (int d = 0; d < Dimension; d++)
        {
            for (int i = 0; i < n; i++)
            {
                Assert.True(hits[d, i] == 1, $"dimension {d + 1}, interval {i} of {n} holds {hits[d, i]} points");
            }
        }
    }

    [Theory]
    [InlineData(SobolScramble.Owen)]
    [InlineData(SobolScramble.LinearMatrix)]
    public void Scrambled_first_two_dimensions_stay_a_two_dimensional_net(SobolScramble scramble)
    {
        // The first two Sobol dimensions form a (0, m, 2)-net: every dyadic box of area 2^-m holds one point.
        const int M = 8;
        int n = 1 << M;
        SobolSequence sequence = new(2, scramble, seed: 11);
        double[][] points = [.. Enumerable.Range(0, n).Select(k => sequence.Element(k))];

        for (int a = 0; a <= M; a++)
        {
            int columns = 1 << a;
            int rows = 1 << (M - a);
            int[] boxes = new int[n];
            foreach (double[] p in points)
            {
                boxes[((int)(p[0] * columns) * rows) + (int)(p[1] * rows)]++;
            }

            Assert.True(boxes.All(count => count == 1), $"boxes of {columns} x {rows} are not one point each");
        }
    }

    [Fact]
    public void Scrambled_points_are_uniform_so_the_mean_is_near_one_half()
    {
        // With 2^12 points of a scrambled net the error of the mean is far below 1e-3; the plain sequence's
        // first point at the origin already biases it by 1/n.
        SobolSequence sequence = new(5, SobolScramble.Owen, seed: 3);
        double[] sums = new double[5];
        for (int k = 0; k < 4096; k++)
        {
            double[] point = sequence.Element(k);
            for (int d = 0; d < 5; d++)
            {
                sums[d] += point[d];
            }
        }

        Assert.All(sums, sum => Assert.InRange(sum / 4096, 0.5 - 1e-3, 0.5 + 1e-3));
    }

    [Theory]
    [InlineData(SobolScramble.Owen)]
    [InlineData(SobolScramble.LinearMatrix)]
    public void The_same_seed_gives_the_same_points_and_another_seed_different_ones(SobolScramble scramble)
    {
        double[] first = new SobolSequence(3, scramble, seed: 5).Element(17);
        double[] again = new SobolSequence(3, scramble, seed: 5).Element(17);
        double[] other = new SobolSequence(3, scramble, seed: 6).Element(17);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void More_dimensions_than_the_table_supports_are_refused_clearly()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolSequence.MaxDimension + 1));

        Assert.Contains($"supports 1 to {SobolSequence.MaxDimension} dimensions", error.Message, StringComparison.Ordinal);
    }
}
