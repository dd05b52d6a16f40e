using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>k-means separates well-separated blobs exactly and repeats itself for a seed.</summary>
[Collection(TorchCollection.Name)]
public class KMeansTests
{
    private const int PerBlob = 100;
    private const int Blobs = 4;

    // Unit-variance blobs 20 apart: each centre estimate has standard error 1/sqrt(100) per axis.
    private const double CentreTolerance = 0.5;

    private static readonly double[][] Centres = [[-10, -10], [-10, 10], [10, -10], [10, 10]];

    [Fact]
    public void Well_separated_blobs_are_clustered_with_full_agreement()
    {
        float[] x = BlobData(seed: 8);

        KMeansResult result = KMeans.Fit(x, PerBlob * Blobs, 2, Blobs, new KMeansOptions { Seed = 2 });

        var labelOfBlob = new HashSet<int>();
        for (int blob = 0; blob < Blobs; blob++)
        {
            int[] labels = result.Labels.AsSpan(blob * PerBlob, PerBlob).ToArray();
            Assert.True(labels.Distinct().Count() == 1, $"blob {blob} was split across labels {string.Join(",", labels.Distinct())}");
            Assert.True(labelOfBlob.Add(labels[0]), $"blob {blob} shares label {labels[0]} with another blob");
            int label = labels[0];
            Assert.Equal(Centres[blob][0], result.Centers[label * 2], CentreTolerance);
            Assert.Equal(Centres[blob][1], result.Centers[(label * 2) + 1], CentreTolerance);
        }

        // Inertia ~ n d sigma^2 = 400 x 2 x 1; within 15% for 800 squared unit normals.
        Assert.Equal(PerBlob * Blobs * 2.0, result.Inertia, PerBlob * Blobs * 2.0 * 0.15);
    }

    [Fact]
    public void The_same_seed_gives_the_same_clustering()
    {
        float[] x = BlobData(seed: 9);
        var options = new KMeansOptions { Seed = 17, Restarts = 2 };

        KMeansResult first = KMeans.Fit(x, PerBlob * Blobs, 2, 5, options);
        KMeansResult second = KMeans.Fit(x, PerBlob * Blobs, 2, 5, options);

        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centers, second.Centers);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    private static float[] BlobData(int seed)
    {
        var random = new Random(seed);
        float[] x = new float[PerBlob * Blobs * 2];
        for (int blob = 0; blob < Blobs; blob++)
        {
            for (int i = 0; i < PerBlob; i++)
            {
                int row = (blob * PerBlob) + i;
                x[row * 2] = (float)(Centres[blob][0] + UnsupervisedData.Normal(random));
                x[(row * 2) + 1] = (float)(Centres[blob][1] + UnsupervisedData.Normal(random));
            }
        }

        return x;
    }
}
