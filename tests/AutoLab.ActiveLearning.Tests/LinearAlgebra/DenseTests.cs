using AutoLab.ActiveLearning.LinearAlgebra;

namespace AutoLab.ActiveLearning.Tests.LinearAlgebra;

/// <summary>The BLAS wrappers give the products worked out by hand, column-major.</summary>
public class DenseTests
{
    private const double Tolerance = 1e-12;

    // A is 3 × 2, column-major: columns (1, 2, 3) and (4, 5, 6).
    private static readonly double[] A = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void Gemm_with_a_transposed_gives_the_gram_matrix()
    {
        double[] c = new double[4];

        Dense.GemmTransposeA(A, 3, 2, A, 2, c);

        // AᵀA = [[14, 32], [32, 77]].
        Assert.Equal([14.0, 32.0, 32.0, 77.0], c, (x, y) => Math.Abs(x - y) < Tolerance);
    }

    [Fact]
    public void Syrk_fills_the_lower_triangle_of_the_gram_matrix()
    {
        double[] c = new double[4];

        Dense.SyrkTranspose(A, 3, 2, c);

        Assert.Equal(14.0, c[0], Tolerance);
        Assert.Equal(32.0, c[1], Tolerance);
        Assert.Equal(77.0, c[3], Tolerance);
    }

    [Fact]
    public void Mismatched_sizes_are_refused_before_the_native_call()
    {
        Assert.Throws<ArgumentException>(() => Dense.GemmTransposeA(A, 3, 3, A, 2, new double[4]));
    }
}
