using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>Random streams derived from a seed and a command, so results do not depend on which device instance or in which order commands run.</summary>
internal static class SeededRandom
{
    /// <summary>A stream for one command: the same seed, key and attempt always give the same draws; a retry (next attempt) gets fresh ones.</summary>
    public static Random For(long seed, string key, int attempt)
    {
        // string.GetHashCode is randomised per process, so hash with SHA-256 for a seed that is stable across runs.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{key}|{attempt}"));
        return new Random(BinaryPrimitives.ReadInt32LittleEndian(hash));
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
