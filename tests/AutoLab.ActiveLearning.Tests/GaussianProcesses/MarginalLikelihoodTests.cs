using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.GaussianProcesses;

/// <summary>
/// The SIMD kernel columns agree with the scalar kernel pair by pair, and the likelihood's reuse of a
/// value-only factorisation gives the same value and gradient as a fresh evaluation.
/// </summary>
public class MarginalLikelihoodTests
{
    // Vector.Exp and Math.Exp may differ in the last place; a few ulps relative is all that is allowed.
    private const double KernelRelativeTolerance = 1e-14;
    private const double ReuseRelativeTolerance = 1e-12;

    [Theory]
    [InlineData(KernelKind.Matern52)]
    [InlineData(KernelKind.Rbf)]
    public void Kernel_columns_equal_the_scalar_kernel_for_every_pair(KernelKind kind)
    {
        // 13 points: column lengths 12 … 0 cover whole registers, remainders and the empty column.
        const int N = 13;
        const int D = 3;
        (double[] x, _) = Data(N, D, seed: 3);
        double[] inverseSquaredScales = [1.0 / (0.3 * 0.3), 1.0 / (0.7 * 0.7), 1.0 / (1.9 * 1.9)];
        double[] transposed = KernelColumn.Transpose(x, N, D);
        double[] r2 = new double[N];
        double[] values = new double[N];
        double[] factor = new double[N];
        double[] differences = new double[N * D];

        for (int j = 0; j < N; j++)
        {
            int length = N - j - 1;
            KernelColumn.SquaredDistances(transposed, N, D, j, inverseSquaredScales, r2, differences);
            KernelColumn.Evaluate(kind, r2, length, values, factor);
            for (int t = 0; t < length; t++)
            {
                int i = j + 1 + t;
                double expectedR2 = 0.0;
                for (int k = 0; k < D; k++)
                {
                    double delta = x[(i * D) + k] - x[(j * D) + k];
                    expectedR2 += delta * delta * inverseSquaredScales[k];
                    Assert.Equal(delta * delta, differences[(k * N) + t], KernelRelativeTolerance);
                }

                double expected = Kernels.Evaluate(kind, expectedR2, out double expectedFactor);
                Assert.Equal(expectedR2, r2[t], KernelRelativeTolerance * Math.Max(1.0, expectedR2));
                Assert.True(Math.Abs(values[t] - expected) <= KernelRelativeTolerance * Math.Abs(expected), $"k at ({i}, {j}): {values[t]} vs {expected}");
                Assert.True(Math.Abs(factor[t] - expectedFactor) <= KernelRelativeTolerance * Math.Abs(expectedFactor), $"g at ({i}, {j}): {factor[t]} vs {expectedFactor}");
            }
        }
    }

    [Fact]
    public void A_gradient_after_a_value_only_call_at_the_same_point_equals_a_fresh_evaluation()
    {
        (double[] x, double[] y) = Data(40, 2, seed: 5);
        double[] theta = [Math.Log(0.4), Math.Log(0.6), Math.Log(1.2), Math.Log(1e-3)];
        double[] fresh = new double[4];
        double[] reused = new double[4];
        double freshValue = new MarginalLikelihood(x, y, 2, KernelKind.Matern52, 1e-10).Evaluate(theta, fresh);

        MarginalLikelihood likelihood = new(x, y, 2, KernelKind.Matern52, 1e-10);
        double valueOnly = likelihood.Evaluate(theta, []);
        double reusedValue = likelihood.Evaluate(theta, reused);

        Assert.Equal(freshValue, valueOnly);
        Assert.Equal(freshValue, reusedValue);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(fresh[k], reused[k], ReuseRelativeTolerance * Math.Max(1.0, Math.Abs(fresh[k])));
        }
    }

    [Fact]
    public void A_gradient_at_a_new_point_after_a_value_only_call_is_not_taken_from_the_old_factor()
    {
        (double[] x, double[] y) = Data(40, 2, seed: 7);
        double[] first = [Math.Log(0.4), Math.Log(0.6), Math.Log(1.2), Math.Log(1e-3)];
        double[] second = [Math.Log(0.2), Math.Log(0.9), Math.Log(0.8), Math.Log(1e-2)];
        double[] fresh = new double[4];
        double[] after = new double[4];
        double freshValue = new MarginalLikelihood(x, y, 2, KernelKind.Rbf, 1e-10).Evaluate(second, fresh);

        MarginalLikelihood likelihood = new(x, y, 2, KernelKind.Rbf, 1e-10);
        likelihood.Evaluate(first, []);
        double afterValue = likelihood.Evaluate(second, after);

        Assert.Equal(freshValue, afterValue);
        Assert.Equal(fresh, after);
    }

    private static (double[] X, double[] Y) Data(int n, int d, long seed)
    {
        SplitMix64 random = SplitMix64.ForStream(seed, 0);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0.0;
            for (int k = 0; k < d; k++)
            {
                x[(i * d) + k] = random.NextDouble();
                sum += Math.Sin(3.0 * x[(i * d) + k]);
            }

            y[i] = sum;
        }

        return (x, y);
    }
}
