using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>Bad input is refused in C#, before the shim loads, with the argument and the place named.</summary>
public class UnsupervisedInputTests
{
    private static readonly float[] Data = [1f, 2f, 3f, 4f, 5f, 6f];

    [Fact]
    public void A_negative_entry_is_named_by_row_and_column_for_nmf()
    {
        float[] x = (float[])Data.Clone();
        x[4] = -0.5f;

        ArgumentException error = Assert.Throws<ArgumentException>(() => Nmf.Fit(x, 2, 3, 1, new NmfOptions()));

        Assert.Equal("x", error.ParamName);
        Assert.Contains("row 1, column 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("non-negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_is_named_by_row_and_column_for_every_model()
    {
        float[] x = (float[])Data.Clone();
        x[2] = float.NaN;

        foreach (Action fit in new Action[]
        {
            () => Nmf.Fit(x, 2, 3, 1, new NmfOptions()),
            () => Pca.Fit(x, 2, 3, 1),
            () => KMeans.Fit(x, 2, 3, 1, new KMeansOptions()),
            () => GaussianMixture.Fit(x, 2, 3, 1, new GaussianMixtureOptions()),
            () => NmfRankSelection.Select(x, 2, 3, 1, 2, new NmfRankOptions()),
        })
        {
            ArgumentException error = Assert.Throws<ArgumentException>(fit);
            Assert.Equal("x", error.ParamName);
            Assert.Contains("row 0, column 2 is NaN", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rank_above_min_rows_cols_is_refused()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Nmf.Fit(Data, 2, 3, 3, new NmfOptions()));

        Assert.Equal("rank", error.ParamName);
        Assert.Contains("1..2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_clusters_than_rows_is_refused()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(Data, 2, 3, 3, new KMeansOptions())).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianMixture.Fit(Data, 2, 3, 3, new GaussianMixtureOptions())).ParamName);
        Assert.Equal("components", Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(Data, 2, 3, 3)).ParamName);
    }

    [Fact]
    public void A_length_that_does_not_match_rows_times_cols_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Pca.Fit(Data, 2, 4, 1));

        Assert.Equal("x", error.ParamName);
        Assert.Contains("6 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nmfk_needs_two_restarts_and_an_ordered_rank_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NmfRankSelection.Select(Data, 2, 3, 1, 2, new NmfRankOptions { Restarts = 1 }));
        Assert.Equal("maxRank", Assert.Throws<ArgumentOutOfRangeException>(() => NmfRankSelection.Select(Data, 2, 3, 2, 1, new NmfRankOptions())).ParamName);
    }
}
