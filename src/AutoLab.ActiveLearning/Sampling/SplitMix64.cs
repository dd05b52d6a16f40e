namespace AutoLab.ActiveLearning.Sampling;

/// <summary>
/// A small seedable pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) and the hash it is
/// built on.
/// </summary>
/// <remarks>
/// Strategies promise the same suggestions for the same seed on every machine and every .NET version.
/// <see cref="Random"/> does not promise its seeded sequence and takes an <see cref="int"/> seed while
/// campaigns carry a <see cref="long"/>, so the generator is written out here. SplitMix64 passes BigCrush
/// and is cheap to create, which suits the many short per-point streams the strategies use.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong state;

    /// <summary>Creates a generator whose output is fixed by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value.</param>
    public SplitMix64(ulong seed)
    {
        state = seed;
    }

    /// <summary>A generator for one named stream of a seed, e.g. the stream of suggestion k of a campaign.</summary>
    /// <param name="seed">The campaign's seed.</param>
    /// <param name="stream">Which stream; different streams of one seed are statistically independent.</param>
    /// <returns>A new generator.</returns>
    public static SplitMix64 ForStream(long seed, long stream) => new(Combine((ulong)seed, (ulong)stream));

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    public ulong NextUInt64()
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>A value in [0, 1).</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    /// <param name="bound">Exclusive upper bound, at least 1.</param>
    /// <returns>A value in [0, bound).</returns>
    public int NextInt32(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);

        // Lemire's multiply-shift with rejection of the short first band keeps every value equally likely.
        ulong range = (ulong)bound;
        ulong threshold = (0UL - range) % range;
        while (true)
        {
            ulong product = Math.BigMul(NextUInt64(), range, out ulong low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mixing function.</summary>
    /// <param name="value">Value to mix.</param>
    /// <returns>The mixed value.</returns>
    public static ulong Mix(ulong value)
    {
        ulong z = value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Hashes two values into one, order-sensitively.</summary>
    /// <param name="first">First value (e.g. a seed).</param>
    /// <param name="second">Second value (e.g. a stream or dimension index).</param>
    /// <returns>A well-mixed 64-bit value.</returns>
    public static ulong Combine(ulong first, ulong second) => Mix(Mix(first) + (GoldenGamma * (second + 1)));
}
