namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>Seeded synthetic data sets with known structure for the unsupervised models.</summary>
internal static class UnsupervisedData
{
    /// <summary>
    /// A ternary-library stand-in: three non-negative basis patterns (sums of Gaussian peaks, like
    /// pure-phase diffractograms) mixed with Dirichlet(1, 1, 1) weights times an intensity, plus
    /// Gaussian noise of <paramref name="noise"/> times the mean signal, clipped at zero.
    /// </summary>
    public static (float[] X, float[] Basis) PeakLibrary(int rows, int cols, double noise, int seed)
    {
        const int Rank = 3;
        var random = new Random(seed);
        double[][] peaks =
        [
            [0.12, 0.35, 0.71],
            [0.22, 0.48, 0.86],
            [0.30, 0.58, 0.78, 0.93],
        ];
        float[] basis = new float[Rank * cols];
        for (int k = 0; k < Rank; k++)
        {
            foreach (double centre in peaks[k])
            {
                double width = 0.008 + (0.01 * random.NextDouble());
                double height = 0.5 + random.NextDouble();
                for (int c = 0; c < cols; c++)
                {
                    double t = (double)c / (cols - 1);
                    basis[(k * cols) + c] += (float)(height * Math.Exp(-0.5 * Math.Pow((t - centre) / width, 2)));
                }
            }
        }

        float[] x = new float[rows * cols];
        double signal = 0.0;
        double[] weights = new double[Rank];
        for (int r = 0; r < rows; r++)
        {
            // Dirichlet(1,1,1): normalised unit exponentials.
            double sum = 0.0;
            for (int k = 0; k < Rank; k++)
            {
                weights[k] = -Math.Log(1.0 - random.NextDouble());
                sum += weights[k];
            }

            double intensity = 50.0 + (50.0 * random.NextDouble());
            for (int c = 0; c < cols; c++)
            {
                double value = 0.0;
                for (int k = 0; k < Rank; k++)
                {
                    value += intensity * weights[k] / sum * basis[(k * cols) + c];
                }

                x[(r * cols) + c] = (float)value;
                signal += value;
            }
        }

        double sigma = noise * signal / x.Length;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)Math.Max(0.0, x[i] + (sigma * Normal(random)));
        }

        return (x, basis);
    }

    /// <summary>Rows drawn from N(mean, L L^T): mean + L z with z standard normal.</summary>
    public static void Gaussian(Span<float> x, int rows, double[] mean, double[,] choleskyFactor, Random random)
    {
        int d = mean.Length;
        double[] z = new double[d];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < d; i++)
            {
                z[i] = Normal(random);
            }

            for (int i = 0; i < d; i++)
            {
                double value = mean[i];
                for (int j = 0; j <= i; j++)
                {
                    value += choleskyFactor[i, j] * z[j];
                }

                x[(r * d) + i] = (float)value;
            }
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
