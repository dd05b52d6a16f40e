using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>PCA of samples from a known covariance returns its eigenvalues and eigenvectors.</summary>
[Collection(TorchCollection.Name)]
public class PcaTests
{
    private const int Samples = 20000;

    // A sample variance has relative standard error sqrt(2 / n) = 1% at n = 20000; 3.5% is 3.5 sigma.
    private const double VarianceRelativeTolerance = 0.035;

    // Eigenvectors separated by eigenvalue ratios >= 2.25 are estimated to well within this.
    private const double AxisCosine = 0.995;

    private static readonly double[] Eigenvalues = [9.0, 4.0, 1.0];

    [Fact]
    public void Pca_recovers_the_eigenvalues_and_axes_of_a_known_covariance()
    {
        (float[] x, double[,] axes) = Sample(seed: 4);

        PcaResult pca = Pca.Fit(x, Samples, 3, 3);

        double total = Eigenvalues.Sum();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Eigenvalues[i], pca.ExplainedVariance[i], Eigenvalues[i] * VarianceRelativeTolerance);
            Assert.Equal(Eigenvalues[i] / total, pca.ExplainedVarianceRatio[i], VarianceRelativeTolerance * Eigenvalues[i] / total * 2);
            double dot = 0.0;
            for (int j = 0; j < 3; j++)
            {
                dot += axes[j, i] * pca.Components[(i * 3) + j];
            }

            Assert.True(Math.Abs(dot) >= AxisCosine, $"component {i}: |cos| = {Math.Abs(dot):F4} with the true axis");
        }

        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 1e-5);
    }

    [Fact]
    public void Scores_are_the_centred_data_on_the_axes_with_the_reported_variance()
    {
        (float[] x, _) = Sample(seed: 5);

        PcaResult pca = Pca.Fit(x, Samples, 3, 2);

        const double FloatTolerance = 1e-3;
        for (int i = 0; i < 2; i++)
        {
            double sum = 0.0, squares = 0.0;
            for (int r = 0; r < Samples; r++)
            {
                double score = pca.Scores[(r * 2) + i];
                sum += score;
                squares += score * score;
            }

            Assert.Equal(0.0, sum / Samples, FloatTolerance);
            Assert.Equal(pca.ExplainedVariance[i], squares / (Samples - 1), pca.ExplainedVariance[i] * FloatTolerance);
        }

        Assert.Equal(2, pca.ComponentCount);
        Assert.Equal(6, pca.Components.Length);
    }

    // x = mean + Q diag(sqrt(lambda)) z with Q a Householder reflection (orthonormal columns = axes).
    private static (float[] X, double[,] Axes) Sample(int seed)
    {
        double[] v = [1.0, 2.0, -1.0];
        double vv = v.Sum(a => a * a);
        double[,] q = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                q[i, j] = (i == j ? 1.0 : 0.0) - (2.0 * v[i] * v[j] / vv);
            }
        }

        double[] mean = [5.0, -3.0, 10.0];
        var random = new Random(seed);
        float[] x = new float[Samples * 3];
        double[] z = new double[3];
        for (int r = 0; r < Samples; r++)
        {
            for (int j = 0; j < 3; j++)
            {
                z[j] = Math.Sqrt(Eigenvalues[j]) * UnsupervisedData.Normal(random);
            }

            for (int i = 0; i < 3; i++)
            {
                x[(r * 3) + i] = (float)(mean[i] + (q[i, 0] * z[0]) + (q[i, 1] * z[1]) + (q[i, 2] * z[2]));
            }
        }

        return (x, q);
    }
}
