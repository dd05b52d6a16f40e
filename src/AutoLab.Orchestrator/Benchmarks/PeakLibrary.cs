namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>A seeded non-negative test matrix for NMF: rows mix a few Gaussian-peak basis patterns, with Poisson counting noise.</summary>
/// <remarks>
/// Each of the <c>rank</c> basis patterns is a sum of 6–10 Gaussian peaks (like a pure-phase diffractogram),
/// each row a Dirichlet(1, …, 1) mixture of them times an intensity of 200–400 counts at unit peak height,
/// and every entry a Poisson draw of the mixed value: exactly rank-r structure under realistic counting
/// noise, so NMF's basis can be compared with the truth.
/// </remarks>
public static class PeakLibrary
{
    /// <summary>Draws the matrix and its true basis.</summary>
    /// <param name="rows">Patterns.</param>
    /// <param name="cols">Points per pattern.</param>
    /// <param name="rank">Basis patterns.</param>
    /// <param name="seed">Seed; the same seed gives the same matrix.</param>
    /// <returns>X (rows × cols, row-major counts) and the basis (rank × cols, row-major).</returns>
    public static (float[] X, float[] Basis) Generate(int rows, int cols, int rank, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        Random random = new(seed);
        float[] basis = new float[rank * cols];
        for (int k = 0; k < rank; k++)
        {
            int peaks = 6 + random.Next(5);
            for (int p = 0; p < peaks; p++)
            {
                double centre = 0.03 + (0.94 * random.NextDouble());
                double width = 0.002 + (0.004 * random.NextDouble());
                double height = 0.3 + (0.7 * random.NextDouble());
                for (int c = 0; c < cols; c++)
                {
                    double z = (((double)c / (cols - 1)) - centre) / width;
                    if (Math.Abs(z) < 8.0)
                    {
                        basis[(k * cols) + c] += (float)(height * Math.Exp(-0.5 * z * z));
                    }
                }
            }
        }

        float[] x = new float[(long)rows * cols];
        double[] weights = new double[rank];
        for (int r = 0; r < rows; r++)
        {
            // Dirichlet(1, …, 1): normalised unit exponentials.
            double sum = 0.0;
            for (int k = 0; k < rank; k++)
            {
                weights[k] = -Math.Log(1.0 - random.NextDouble());
                sum += weights[k];
            }

            double intensity = 200.0 + (200.0 * random.NextDouble());
            for (int c = 0; c < cols; c++)
            {
                double mean = 0.0;
                for (int k = 0; k < rank; k++)
                {
                    mean += weights[k] / sum * basis[(k * cols) + c];
                }

                x[((long)r * cols) + c] = Poisson(intensity * mean, random);
            }
        }

        return (x, basis);
    }

    /// <summary>A Poisson draw: Knuth's product of uniforms below a mean of 30, else the normal approximation rounded and clipped at 0.</summary>
    /// <param name="mean">λ ≥ 0.</param>
    /// <param name="random">Stream.</param>
    /// <returns>The count.</returns>
    public static float Poisson(double mean, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (mean <= 0.0)
        {
            return 0f;
        }

        if (mean < 30.0)
        {
            double limit = Math.Exp(-mean);
            double product = random.NextDouble();
            int count = 0;
            while (product > limit)
            {
                product *= random.NextDouble();
                count++;
            }

            return count;
        }

        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        double normal = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        return (float)Math.Max(0.0, Math.Round(mean + (Math.Sqrt(mean) * normal)));
    }
}
