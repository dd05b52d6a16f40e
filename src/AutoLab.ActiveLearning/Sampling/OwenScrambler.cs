namespace AutoLab.ActiveLearning.Sampling;

/// <summary>
/// Owen's nested uniform scramble in base 2, computed from a hash instead of a stored tree of random bits.
/// </summary>
/// <remarks>
/// Digit i is flipped by a random bit that is a function of (seed, dimension, i, digits 1 … i-1): exactly
/// the nested uniform scramble, because every prefix gets its own independent bit. The digits after the
/// 32nd are zero in the sequence, so their scramble is a uniform random tail that depends on all 32 digits.
/// 33 hashes per coordinate is slower than Burley's single-hash approximation but costs nothing next to an
/// experiment, and the result is the real scramble.
/// </remarks>
internal sealed class OwenScrambler : IDigitScrambler
{
    private const int Digits = 32;
    private const int TailBits = 21;

    private readonly ulong seed;

    public OwenScrambler(long seed)
    {
        this.seed = (ulong)seed;
    }

    public double Apply(uint digits, int dimension)
    {
        ulong key = SplitMix64.Combine(seed, (ulong)dimension);
        uint scrambled = 0;
        for (int i = 0; i < Digits; i++)
        {
            ulong prefix = i == 0 ? 0UL : digits >> (Digits - i);
            ulong flip = SplitMix64.Combine(key, ((ulong)i << Digits) | prefix) >> 63;
            uint bit = (digits >> (Digits - 1 - i)) & 1u;
            scrambled |= (bit ^ (uint)flip) << (Digits - 1 - i);
        }

        ulong tail = SplitMix64.Combine(key, ((ulong)Digits << Digits) | digits) >> (64 - TailBits);
        return ((((ulong)scrambled) << TailBits) | tail) * (1.0 / (1UL << (Digits + TailBits)));
    }
}
