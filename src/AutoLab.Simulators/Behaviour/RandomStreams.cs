using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AutoLab.Simulators.Behaviour;

/// <summary>Seeded random streams and the draws simulators need (Gaussian, Poisson).</summary>
/// <remarks>
/// A stream is derived from a seed, a key (a command's idempotency key, a sample id) and an attempt, so
/// results do not depend on which device instance runs a command or in which order: same seed, same data.
/// </remarks>
public static class RandomStreams
{
    /// <summary>A stream for one key: the same seed, key and attempt always give the same draws.</summary>
    /// <param name="seed">The instrument's seed.</param>
    /// <param name="key">What the draws are for, e.g. an idempotency key or a sample id.</param>
    /// <param name="attempt">Attempt number; a retry gets fresh draws.</param>
    /// <returns>A new random stream (xoshiro256**, much faster than a seeded <see cref="Random"/>).</returns>
    public static Random For(long seed, string key, int attempt = 1)
    {
        // string.GetHashCode is randomised per process, so hash with SHA-256 for a seed stable across runs.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{key}|{attempt}"));
        return new Xoshiro256Random(BinaryPrimitives.ReadUInt64LittleEndian(hash));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    /// <param name="random">The stream.</param>
    /// <returns>A draw from N(0, 1).</returns>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Poisson draw with the given mean (counts); exact for every mean.</summary>
    /// <param name="random">The stream.</param>
    /// <param name="mean">Expected counts, not negative.</param>
    /// <returns>A non-negative integer count, as a double.</returns>
    /// <remarks>
    /// Below a mean of 10, Knuth's multiplication method (about mean + 1 uniforms). From 10 up, Hörmann's
    /// transformed rejection with squeeze, PTRS (Hörmann 1993, "The transformed rejection method for
    /// generating Poisson random variables", Insurance: Mathematics and Economics 12, 39–45), which needs
    /// about two uniforms per draw whatever the mean, so background counts of a few tens cost no more than
    /// peak counts of millions.
    /// </remarks>
    public static double NextPoisson(this Random random, double mean)
    {
        if (!(mean > 0))
        {
            return 0.0;
        }

        if (mean < 10.0)
        {
            var limit = Math.Exp(-mean);
            var product = random.NextDouble();
            var count = 0;
            while (product > limit)
            {
                product *= random.NextDouble();
                count++;
            }

            return count;
        }

        var root = Math.Sqrt(mean);
        var logMean = Math.Log(mean);
        var b = 0.931 + (2.53 * root);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2.0));
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2.0 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b) <= -mean + (k * logMean) - LogFactorial(k))
            {
                return k;
            }
        }
    }

    /// <summary>ln(k!) by Stirling's series, exact to double precision for k ≥ 10 and by direct sum below.</summary>
    private static double LogFactorial(double k)
    {
        if (k < 10)
        {
            var sum = 0.0;
            for (var i = 2; i <= k; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        var inverse = 1.0 / k;
        var inverse2 = inverse * inverse;
        return (k * Math.Log(k)) - k + (0.5 * Math.Log(2.0 * Math.PI * k))
            + (inverse * ((1.0 / 12.0) - (inverse2 * ((1.0 / 360.0) - (inverse2 / 1260.0)))));
    }
}
