namespace AutoLab.ActiveLearning.Sampling;

/// <summary>
/// The Sobol low-discrepancy sequence in the unit cube with Joe–Kuo direction numbers, in Gray-code
/// order, optionally scrambled.
/// </summary>
/// <remarks>
/// Element k is computed directly from k, so a campaign can resume the sequence anywhere. Unscrambled,
/// element 0 is the origin and elements 1, 2, 3 are (0.5, 0.5, …), (0.75, 0.25, …), (0.25, 0.75, …), the
/// order of Joe and Kuo's reference program and of SciPy's <c>qmc.Sobol</c>. Every run of 2^m elements
/// starting at element 0 is a (t, m, s)-net: in one dimension each interval [i/2^m, (i+1)/2^m) holds
/// exactly one point. Both scrambles keep that property and make each point uniform on the cube.
/// <seealso cref="JoeKuoDirectionNumbers"/>
/// <seealso cref="SobolScramble"/>
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>Number of elements: 2^32 (coordinates have 32 bits from the sequence).</summary>
    public const long Length = 1L << SobolDirections.Bits;

    private readonly uint[][] directions;
    private readonly IDigitScrambler? scrambler;

    /// <summary>Creates the sequence for a number of dimensions.</summary>
    /// <param name="dimension">Number of coordinates, 1 to <see cref="MaxDimension"/>.</param>
    /// <param name="scramble">How to randomise the sequence.</param>
    /// <param name="seed">Seed of the scramble; ignored for <see cref="SobolScramble.None"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is outside the supported range.</exception>
    public SobolSequence(int dimension, SobolScramble scramble = SobolScramble.None, long seed = 0)
    {
        if (dimension < 1 || dimension > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dimension),
                dimension,
                $"the Sobol sequence supports 1 to {MaxDimension} dimensions (rows of the Joe–Kuo table in this build); {dimension} were asked for");
        }

        Dimension = dimension;
        Scramble = scramble;
        directions = [.. Enumerable.Range(0, dimension).Select(SobolDirections.For)];
        scrambler = scramble switch
        {
            SobolScramble.None => null,
            SobolScramble.Owen => new OwenScrambler(seed),
            SobolScramble.LinearMatrix => new LinearMatrixScrambler(dimension, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(scramble), scramble, "unknown Sobol scramble"),
        };
    }

    /// <summary>Largest number of dimensions supported (the Joe–Kuo rows carried, plus the first dimension).</summary>
    public static int MaxDimension => SobolDirections.MaxDimension;

    /// <summary>Number of coordinates of each element.</summary>
    public int Dimension { get; }

    /// <summary>How the sequence is randomised.</summary>
    public SobolScramble Scramble { get; }

    /// <summary>Element <paramref name="index"/> of the sequence, each coordinate in [0, 1).</summary>
    /// <param name="index">0-based element index, below <see cref="Length"/>.</param>
    /// <returns>A new array of <see cref="Dimension"/> coordinates.</returns>
    public double[] Element(long index)
    {
        double[] point = new double[Dimension];
        Fill(index, point);
        return point;
    }

    /// <summary>Writes element <paramref name="index"/> into <paramref name="point"/>.</summary>
    /// <param name="index">0-based element index, below <see cref="Length"/>.</param>
    /// <param name="point">Destination of length <see cref="Dimension"/>; coordinates in [0, 1).</param>
    public void Fill(long index, Span<double> point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        if (point.Length != Dimension)
        {
            throw new ArgumentException($"destination has {point.Length} coordinates; the sequence has {Dimension}", nameof(point));
        }

        // Gray-code order: element k combines the direction numbers of the set bits of k XOR (k >> 1).
        uint gray = (uint)(index ^ (index >> 1));
        for (int d = 0; d < Dimension; d++)
        {
            uint[] v = directions[d];
            uint x = 0;
            for (uint bits = gray, j = 0; bits != 0; bits >>= 1, j++)
            {
                if ((bits & 1) != 0)
                {
                    x ^= v[j];
                }
            }

            point[d] = scrambler is null ? x * (1.0 / Length) : scrambler.Apply(x, d);
        }
    }
}
