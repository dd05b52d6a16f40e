namespace AutoLab.Analysis.Tests.Torch;

/// <summary>Small seeded data sets for the libtorch tests: a sine, two peak positions, blobs, mixtures.</summary>
internal static class SyntheticData
{
    /// <summary>rows points x in [-π, π] with y = sin(x).</summary>
    public static (float[] X, float[] Y) Sine(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double value = (random.NextDouble() * 2.0 - 1.0) * Math.PI;
            x[i] = (float)value;
            y[i] = (float)Math.Sin(value);
        }

        return (x, y);
    }

    /// <summary>
    /// 1-D patterns of <paramref name="length"/> points, each one Gaussian peak (σ = 2 points) near
    /// position 0.3·length (class 0) or 0.7·length (class 1), jittered by up to ±3 points, on a
    /// noisy background (σ = 0.05). Targets are one-hot rows.
    /// </summary>
    public static (float[] X, float[] Y, int[] Labels) Peaks(int rows, int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * length];
        var y = new float[rows * 2];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int label = random.Next(2);
            double centre = (label == 0 ? 0.3 : 0.7) * length + random.Next(-3, 4);
            for (int j = 0; j < length; j++)
            {
                double peak = Math.Exp(-0.5 * Math.Pow((j - centre) / 2.0, 2));
                x[i * length + j] = (float)(peak + 0.05 * Gaussian(random));
            }

            labels[i] = label;
            y[i * 2 + label] = 1f;
        }

        return (x, y, labels);
    }

    /// <summary>Three Gaussian blobs in 2-D (centres on a triangle of side ~3, σ = 0.4); one-hot targets.</summary>
    public static (float[] X, float[] Y, int[] Labels) Blobs(int rows, int seed)
    {
        double[][] centres = [[0.0, 0.0], [3.0, 0.0], [1.5, 2.6]];
        var random = new Random(seed);
        var x = new float[rows * 2];
        var y = new float[rows * 3];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int label = random.Next(3);
            x[i * 2] = (float)(centres[label][0] + 0.4 * Gaussian(random));
            x[i * 2 + 1] = (float)(centres[label][1] + 0.4 * Gaussian(random));
            y[i * 3 + label] = 1f;
            labels[i] = label;
        }

        return (x, y, labels);
    }

    /// <summary>
    /// Mixtures of three fixed basis patterns (Gaussian peaks at different places, 32 points): each
    /// row has one to three phases with random fractions summing to 1, plus noise (σ = 0.01).
    /// </summary>
    public static (float[] X, float[] Fractions) Mixtures(int rows, int seed)
    {
        const int Length = 32;
        const int Phases = 3;
        double[][] basis = [Peak(Length, 6), Peak(Length, 16), Peak(Length, 26)];
        var random = new Random(seed);
        var x = new float[rows * Length];
        var fractions = new float[rows * Phases];
        for (int i = 0; i < rows; i++)
        {
            int present = 1 + random.Next(Phases);
            var weights = new double[Phases];
            foreach (int phase in Enumerable.Range(0, Phases).OrderBy(_ => random.Next()).Take(present))
            {
                weights[phase] = 0.1 + random.NextDouble();
            }

            double total = weights.Sum();
            for (int p = 0; p < Phases; p++)
            {
                fractions[i * Phases + p] = (float)(weights[p] / total);
            }

            for (int j = 0; j < Length; j++)
            {
                double value = 0.0;
                for (int p = 0; p < Phases; p++)
                {
                    value += weights[p] / total * basis[p][j];
                }

                x[i * Length + j] = (float)(value + 0.01 * Gaussian(random));
            }
        }

        return (x, fractions);
    }

    /// <summary>Index of the largest entry of each row of a (rows × width) array.</summary>
    public static int[] ArgMax(float[] values, int rows, int width) =>
        [.. Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, width).MaxBy(c => values[r * width + c]))];

    private static double[] Peak(int length, double centre) =>
        [.. Enumerable.Range(0, length).Select(j => Math.Exp(-0.5 * Math.Pow((j - centre) / 2.5, 2)))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
