namespace AutoLab.ActiveLearning.Sampling;

/// <summary>
/// Matoušek's random linear matrix scramble with a digital shift: digit i becomes itself plus a random
/// binary combination of the digits before it, then XOR a random shift.
/// </summary>
/// <remarks>
/// Multiplying the output digits by a lower-triangular matrix with a unit diagonal equals scrambling the
/// generator matrices (L·(C·k) = (L·C)·k), so it is applied to the coordinate. Each leading block of the
/// matrix is invertible, which is why the net property survives.
/// </remarks>
internal sealed class LinearMatrixScrambler : IDigitScrambler
{
    private const int Digits = 32;
    private const int TailBits = 21;

    // rows[d][i] selects the input digits that sum (mod 2) into output digit i (bit 31 - i) of dimension d.
    private readonly uint[][] rows;
    private readonly uint[] shifts;
    private readonly ulong[] tails;

    public LinearMatrixScrambler(int dimension, long seed)
    {
        rows = new uint[dimension][];
        shifts = new uint[dimension];
        tails = new ulong[dimension];
        for (int d = 0; d < dimension; d++)
        {
            SplitMix64 random = SplitMix64.ForStream(seed, d);
            uint[] matrix = new uint[Digits];
            for (int i = 0; i < Digits; i++)
            {
                int position = Digits - 1 - i;
                uint earlier = i == 0 ? 0u : ~((1u << (position + 1)) - 1u);
                matrix[i] = (1u << position) | ((uint)random.NextUInt64() & earlier);
            }

            rows[d] = matrix;
            shifts[d] = (uint)random.NextUInt64();
            tails[d] = random.NextUInt64() >> (64 - TailBits);
        }
    }

    public double Apply(uint digits, int dimension)
    {
        uint[] matrix = rows[dimension];
        uint scrambled = 0;
        for (int i = 0; i < Digits; i++)
        {
            uint parity = (uint)System.Numerics.BitOperations.PopCount(matrix[i] & digits) & 1u;
            scrambled |= parity << (Digits - 1 - i);
        }

        scrambled ^= shifts[dimension];
        return ((((ulong)scrambled) << TailBits) | tails[dimension]) * (1.0 / (1UL << (Digits + TailBits)));
    }
}
