using AutoLab.ActiveLearning.LinearAlgebra;

namespace AutoLab.ActiveLearning.Tests.LinearAlgebra;

/// <summary>The native Cholesky wrapper against a hand-factored 3 × 3 matrix and against refactoring after an append.</summary>
public class CholeskyFactorTests
{
    private const double Tolerance = 1e-12;

    // K = L Lᵀ with L = [[2, 0, 0], [1, 3, 0], [−1, 2, 4]], column-major (symmetric, so the same row-major).
    private static readonly double[] Matrix = [4, 2, -2, 2, 10, 5, -2, 5, 21];

    [Fact]
    public void Factor_of_a_hand_built_matrix_is_its_known_lower_triangle()
    {
        Assert.True(CholeskyFactor.TryFactor(Matrix, 3, out CholeskyFactor? factor));

        double[,] expected = { { 2, 0, 0 }, { 1, 3, 0 }, { -1, 2, 4 } };
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(expected[i, j], factor[i, j], Tolerance);
            }
        }

        Assert.Equal(2.0 * Math.Log(2.0 * 3.0 * 4.0), factor.LogDeterminant(), Tolerance);
    }

    [Fact]
    public void Solve_and_inverse_give_the_identity()
    {
        Assert.True(CholeskyFactor.TryFactor(Matrix, 3, out CholeskyFactor? factor));
        double[] x = [1, 2, 3];
        double[] b = Multiply(Matrix, x);

        factor.Solve(b);
        double[] inverse = factor.Inverse();

        Assert.Equal(x, b, (a, e) => Math.Abs(a - e) < Tolerance);
        for (int i = 0; i < 3; i++)
        {
            double[] column = Multiply(Matrix, inverse.AsSpan(i * 3, 3).ToArray());
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, column[j], Tolerance);
            }
        }
    }

    [Fact]
    public void Appending_a_row_equals_factoring_the_larger_matrix()
    {
        double[] leading = [4, 2, 2, 10];
        Assert.True(CholeskyFactor.TryFactor(leading, 2, out CholeskyFactor? grown, extraCapacity: 0));
        Assert.True(CholeskyFactor.TryFactor(Matrix, 3, out CholeskyFactor? direct));

        Assert.True(grown.TryAppend([-2, 5], 21), "the 3 × 3 matrix is positive definite");

        Assert.Equal(3, grown.Size);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(direct[i, j], grown[i, j], Tolerance);
            }
        }
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        Assert.False(CholeskyFactor.TryFactor([1, 2, 2, 1], 2, out _));
        Assert.True(CholeskyFactor.TryFactor([1, 0.5, 0.5, 1], 2, out CholeskyFactor? factor));
        Assert.False(factor.TryAppend([1, 1], 1), "a third row making the matrix singular must be refused");
        Assert.Equal(2, factor.Size);
    }

    private static double[] Multiply(double[] columnMajor, double[] x)
    {
        int n = x.Length;
        double[] result = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] += columnMajor[i + (j * n)] * x[j];
            }
        }

        return result;
    }
}
