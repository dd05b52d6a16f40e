namespace AutoLab.ActiveLearning.Sampling;

/// <summary>Latin hypercube designs in the unit cube (McKay, Beckman and Conover 1979).</summary>
/// <remarks>
/// A design of n rows cuts every axis into n equal strata and puts exactly one row in each stratum of
/// each axis, at a uniform random position inside it. The maximin variant draws several designs and keeps
/// the one whose closest pair of rows is farthest apart (Morris and Mitchell 1995), which avoids the
/// clumped, nearly diagonal designs a single draw sometimes gives.
/// </remarks>
public static class LatinHypercube
{
    /// <summary>Draws one design.</summary>
    /// <param name="samples">Rows n, at least 1.</param>
    /// <param name="dimension">Columns, at least 1.</param>
    /// <param name="random">Source of randomness; the design is fixed by its state.</param>
    /// <returns><paramref name="samples"/> rows of <paramref name="dimension"/> coordinates in [0, 1).</returns>
    public static double[][] Design(int samples, int dimension, SplitMix64 random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);

        double[][] rows = new double[samples][];
        for (int i = 0; i < samples; i++)
        {
            rows[i] = new double[dimension];
        }

        int[] strata = new int[samples];
        for (int d = 0; d < dimension; d++)
        {
            for (int i = 0; i < samples; i++)
            {
                strata[i] = i;
            }

            // Fisher–Yates: a uniform random assignment of strata to rows.
            for (int i = samples - 1; i > 0; i--)
            {
                int j = random.NextInt32(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }

            for (int i = 0; i < samples; i++)
            {
                // Clamp guards the rare rounding of (n-1 + u)/n up to exactly 1.
                rows[i][d] = Math.Min((strata[i] + random.NextDouble()) / samples, Math.BitDecrement(1.0));
            }
        }

        return rows;
    }

    /// <summary>Draws <paramref name="iterations"/> designs and keeps the one with the largest minimum distance.</summary>
    /// <param name="samples">Rows n, at least 1.</param>
    /// <param name="dimension">Columns, at least 1.</param>
    /// <param name="iterations">Designs to compare, at least 1; ties keep the earliest.</param>
    /// <param name="random">Source of randomness; the designs are drawn from it in turn.</param>
    /// <returns>The chosen design.</returns>
    public static double[][] MaximinDesign(int samples, int dimension, int iterations, SplitMix64 random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);

        double[][] best = Design(samples, dimension, random);
        double bestDistance = MinimumDistance(best);
        for (int i = 1; i < iterations; i++)
        {
            double[][] candidate = Design(samples, dimension, random);
            double distance = MinimumDistance(candidate);
            if (distance > bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>The smallest Euclidean distance between two rows of a design, in unit-cube units.</summary>
    /// <param name="design">Rows of equal length.</param>
    /// <returns>The minimum pairwise distance, or +∞ for fewer than two rows.</returns>
    public static double MinimumDistance(IReadOnlyList<double[]> design)
    {
        double minimum = double.PositiveInfinity;
        for (int i = 0; i < design.Count; i++)
        {
            for (int j = i + 1; j < design.Count; j++)
            {
                double sum = 0;
                for (int d = 0; d < design[i].Length; d++)
                {
                    double delta = design[i][d] - design[j][d];
                    sum += delta * delta;
                }

                minimum = Math.Min(minimum, sum);
            }
        }

        return Math.Sqrt(minimum);
    }
}
