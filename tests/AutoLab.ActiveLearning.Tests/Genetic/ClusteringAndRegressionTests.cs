using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>k-means separates obvious clusters and k-nearest-neighbour regression averages the nearest values.</summary>
public sealed class ClusteringAndRegressionTests
{
    [Fact]
    public void K_means_separates_two_distant_blobs()
    {
        SplitMix64 random = new(3);
        double[] points = new double[40 * 2];
        for (int i = 0; i < 40; i++)
        {
            double centre = i < 20 ? 0.1 : 0.9;
            points[2 * i] = centre + (0.05 * random.NextDouble());
            points[(2 * i) + 1] = centre + (0.05 * random.NextDouble());
        }

        int[] labels = new int[40];
        int k = KMeans.Cluster(points, 2, 2, 50, new SplitMix64(1), labels);

        Assert.Equal(2, k);
        Assert.Single(labels[..20].Distinct());
        Assert.Single(labels[20..].Distinct());
        Assert.NotEqual(labels[0], labels[39]);
    }

    [Fact]
    public void More_clusters_than_points_uses_one_per_point()
    {
        int[] labels = new int[3];
        Assert.Equal(3, KMeans.Cluster([0.0, 0.5, 1.0], 1, 10, 10, new SplitMix64(1), labels));
        Assert.Equal(3, labels.Distinct().Count());
    }

    [Fact]
    public void Nearest_neighbour_regression_averages_the_k_closest_values()
    {
        double[] points = [0.0, 1.0, 2.0, 3.0, 10.0];
        double[] values = [0.0, 10.0, 20.0, 30.0, 100.0];

        Assert.Equal(10.0, NearestNeighbourRegression.Predict(points, values, [1.1], 1));
        Assert.Equal(15.0, NearestNeighbourRegression.Predict(points, values, [1.6], 2));
        Assert.Equal(10.0, NearestNeighbourRegression.Predict(points, values, [1.0], 3));
        Assert.Equal(32.0, NearestNeighbourRegression.Predict(points, values, [0.0], 99));
    }
}
