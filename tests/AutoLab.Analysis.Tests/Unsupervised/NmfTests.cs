using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Unsupervised;
using Xunit.Abstractions;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>
/// NMF recovers the basis patterns of a mixed library, and NMFk finds how many there are: the
/// phase-demixing use of the issue's "done when".
/// </summary>
[Collection(TorchCollection.Name)]
public class NmfTests(ITestOutputHelper output)
{
    // The issue's acceptance bar for recovered basis patterns.
    private const double RecoveredCosine = 0.95;

    // 1% noise leaves a relative residual of about that size; twice it means the fit found the signal.
    private const double RelativeErrorBound = 0.02;

    private const int Rows = 60;
    private const int Cols = 200;

    [Fact]
    public void Nmf_recovers_three_mixed_peak_patterns_with_cosine_above_0_95()
    {
        (float[] x, float[] basis) = UnsupervisedData.PeakLibrary(Rows, Cols, noise: 0.01, seed: 11);

        NmfResult fit = Nmf.Fit(x, Rows, Cols, 3, new NmfOptions());
        BasisMatch match = BasisMatching.Match(basis, 3, fit.H, 3, Cols);

        Assert.True(match.MinimumCosine >= RecoveredCosine, $"worst basis cosine {match.MinimumCosine:F4} (all: {string.Join(", ", match.Cosines)})");
        Assert.True(fit.ReconstructionError / Norm(x) < RelativeErrorBound, $"relative error {fit.ReconstructionError / Norm(x):F4}");
        Assert.All(fit.W, w => Assert.True(w >= 0f, "W must be non-negative"));
        Assert.All(fit.H, h => Assert.True(h >= 0f, "H must be non-negative"));
    }

    [Fact]
    public void The_reported_error_is_the_frobenius_norm_of_the_residual()
    {
        (float[] x, _) = UnsupervisedData.PeakLibrary(Rows, Cols, noise: 0.01, seed: 12);

        NmfResult fit = Nmf.Fit(x, Rows, Cols, 3, new NmfOptions { MaxIterations = 30 });

        double residual = 0.0;
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                double model = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    model += (double)fit.W[(r * 3) + k] * fit.H[(k * Cols) + c];
                }

                residual += Math.Pow(x[(r * Cols) + c] - model, 2);
            }
        }

        // Float32 products against a double recomputation.
        const double RelativeTolerance = 1e-4;
        Assert.Equal(Math.Sqrt(residual), fit.ReconstructionError, Math.Sqrt(residual) * RelativeTolerance);
    }

    [Fact]
    public void The_same_seed_gives_the_same_random_start_factorisation()
    {
        (float[] x, _) = UnsupervisedData.PeakLibrary(Rows, Cols, noise: 0.01, seed: 13);
        var options = new NmfOptions { Init = NmfInit.Random, Seed = 5, MaxIterations = 50 };

        NmfResult first = Nmf.Fit(x, Rows, Cols, 3, options);
        NmfResult second = Nmf.Fit(x, Rows, Cols, 3, options);

        Assert.Equal(first.H, second.H);
        Assert.Equal(first.ReconstructionError, second.ReconstructionError);
    }

    [Theory]
    [InlineData(21, 0.01)]
    [InlineData(22, 0.01)]
    [InlineData(23, 0.03)]
    [InlineData(24, 0.03)]
    [InlineData(25, 0.05)]
    public void Nmfk_selects_rank_three_out_of_one_to_six(int seed, double noise)
    {
        (float[] x, float[] basis) = UnsupervisedData.PeakLibrary(Rows, Cols, noise, seed);

        NmfRankReport report = NmfRankSelection.Select(x, Rows, Cols, 1, 6, new NmfRankOptions { Seed = 1 });

        string table = string.Join("; ", report.Scores.Select(s => $"r{s.Rank}: sil {s.MinimumClusterSilhouette:F3} err {s.RelativeError:F4}"));
        output.WriteLine(table);
        Assert.True(report.SelectedRank == 3, $"selected {report.SelectedRank}; {table}");
        Assert.Equal(6, report.Scores.Count);
        Assert.Equal(3, report.Best.Rank);
        Assert.True(BasisMatching.Match(basis, 3, report.Best.H, 3, Cols).MinimumCosine >= RecoveredCosine, table);
    }

    private static double Norm(float[] x) => Math.Sqrt(x.Sum(v => (double)v * v));
}
