using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>Validation, packing, bounds, starting points and subsets for <see cref="GaussianProcess.Fit"/>.</summary>
internal static class FitInputs
{
    internal static (double[] Flat, int Dimension) Flatten(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException($"need at least one observation and as many outputs as inputs; got {x.Count} inputs and {y.Count} outputs");
        }

        int d = x[0].Length;
        if (d == 0)
        {
            throw new ArgumentException("inputs have no coordinates", nameof(x));
        }

        double[] flat = new double[x.Count * d];
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i].Length != d)
            {
                throw new ArgumentException($"input {i} has {x[i].Length} coordinates; the first has {d}", nameof(x));
            }

            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException($"output {i} is not finite: {y[i]}", nameof(y));
            }

            for (int k = 0; k < d; k++)
            {
                flat[(i * d) + k] = double.IsFinite(x[i][k]) ? x[i][k] : throw new ArgumentException($"input {i} coordinate {k} is not finite", nameof(x));
            }
        }

        return (flat, d);
    }
    internal static (double[] X, double[] Y) Subset(double[] flat, double[] y, int d, int limit, long seed)
    {
        int n = y.Length;
        if (limit >= n)
        {
            return (flat, y);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        int[] order = [.. Enumerable.Range(0, n)];
        SplitMix64 random = SplitMix64.ForStream(seed, -1);
        for (int i = 0; i < limit; i++)
        {
            int j = i + random.NextInt32(n - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        double[] x = new double[limit * d];
        double[] values = new double[limit];
        for (int i = 0; i < limit; i++)
        {
            Array.Copy(flat, order[i] * d, x, i * d, d);
            values[i] = y[order[i]];
        }

        return (x, values);
    }
    internal static (double[] Lower, double[] Upper) Bounds(GaussianProcessOptions options, int d)
    {
        double[] lower = new double[d + 2];
        double[] upper = new double[d + 2];
        for (int k = 0; k < d; k++)
        {
            lower[k] = Math.Log(options.MinLengthScale);
            upper[k] = Math.Log(options.MaxLengthScale);
        }

        lower[d] = Math.Log(options.MinSignalVariance);
        upper[d] = Math.Log(options.MaxSignalVariance);
        lower[d + 1] = Math.Log(options.MinNoiseVariance);
        upper[d + 1] = Math.Log(options.MaxNoiseVariance);
        for (int k = 0; k < d + 2; k++)
        {
            if (!(lower[k] <= upper[k]))
            {
                throw new ArgumentException("Gaussian process options: a lower hyperparameter bound exceeds its upper bound", nameof(options));
            }
        }

        return (lower, upper);
    }
    internal static double[] DefaultStart(GaussianProcessOptions options, int d, double[] lower, double[] upper)
    {
        double[] theta = new double[d + 2];
        for (int k = 0; k < d; k++)
        {
            theta[k] = Math.Log(options.InitialLengthScale);
        }

        theta[d] = 0.0;
        theta[d + 1] = Math.Log(options.InitialNoiseVariance);
        for (int k = 0; k < d + 2; k++)
        {
            theta[k] = Math.Clamp(theta[k], lower[k], upper[k]);
        }

        return theta;
    }
    internal static double[] RandomStart(SplitMix64 random, double[] lower, double[] upper)
    {
        double[] theta = new double[lower.Length];
        for (int k = 0; k < theta.Length; k++)
        {
            theta[k] = lower[k] + (random.NextDouble() * (upper[k] - lower[k]));
        }

        return theta;
    }
}
