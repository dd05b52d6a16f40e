using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>EM recovers a known two-component mixture, and the BIC prefers the true component count.</summary>
[Collection(TorchCollection.Name)]
public class GaussianMixtureTests
{
    private const int Samples = 4000;
    private const double TrueWeight = 0.3;

    // Standard errors at n = 4000: weight sqrt(0.21 / 4000) = 0.007; means about 1 / sqrt(1200) =
    // 0.03; covariance entries about 0.05. The tolerances are 3 to 4 of those.
    private const double WeightTolerance = 0.03;
    private const double MeanTolerance = 0.12;
    private const double CovarianceTolerance = 0.2;

    private static readonly double[][] Means = [[-2.0, 0.0], [3.0, 1.0]];
    private static readonly double[][,] Factors = [new double[,] { { 1.0, 0.0 }, { 0.5, 0.8 } }, new double[,] { { 0.7, 0.0 }, { -0.3, 1.2 } }];

    [Fact]
    public void Em_recovers_the_weights_means_and_covariances_of_two_components()
    {
        float[] x = Sample(seed: 6);

        GaussianMixtureResult fit = GaussianMixture.Fit(x, Samples, 2, 2, new GaussianMixtureOptions { Seed = 1 });

        // Components come back in any order: pair them by the first mean coordinate.
        int first = fit.Means[0] < fit.Means[2] ? 0 : 1;
        int[] order = [first, 1 - first];
        double[] weights = [TrueWeight, 1 - TrueWeight];
        for (int c = 0; c < 2; c++)
        {
            int k = order[c];
            Assert.Equal(weights[c], fit.Weights[k], WeightTolerance);
            Assert.Equal(Means[c][0], fit.Means[k * 2], MeanTolerance);
            Assert.Equal(Means[c][1], fit.Means[(k * 2) + 1], MeanTolerance);
            double[,] l = Factors[c];
            double[] covariance = [l[0, 0] * l[0, 0], l[0, 0] * l[1, 0], l[0, 0] * l[1, 0], (l[1, 0] * l[1, 0]) + (l[1, 1] * l[1, 1])];
            for (int e = 0; e < 4; e++)
            {
                Assert.Equal(covariance[e], fit.Covariances[(k * 4) + e], CovarianceTolerance);
            }
        }

        for (int r = 0; r < Samples; r++)
        {
            Assert.Equal(1.0, fit.Responsibilities[r * 2] + fit.Responsibilities[(r * 2) + 1], 1e-5);
        }
    }

    [Fact]
    public void The_bic_is_lower_for_the_true_number_of_components()
    {
        float[] x = Sample(seed: 7);

        GaussianMixtureResult one = GaussianMixture.Fit(x, Samples, 2, 1, new GaussianMixtureOptions());
        GaussianMixtureResult two = GaussianMixture.Fit(x, Samples, 2, 2, new GaussianMixtureOptions());

        Assert.True(two.Bic < one.Bic, $"BIC k=2 {two.Bic:F1} should beat k=1 {one.Bic:F1}");
        Assert.True(two.MeanLogLikelihood > one.MeanLogLikelihood, "a second component must raise the likelihood");
        Assert.Equal(11, two.ParameterCount);
    }

    private static float[] Sample(int seed)
    {
        var random = new Random(seed);
        int firstCount = (int)(Samples * TrueWeight);
        float[] x = new float[Samples * 2];
        UnsupervisedData.Gaussian(x.AsSpan(0, firstCount * 2), firstCount, Means[0], Factors[0], random);
        UnsupervisedData.Gaussian(x.AsSpan(firstCount * 2), Samples - firstCount, Means[1], Factors[1], random);
        return x;
    }
}
