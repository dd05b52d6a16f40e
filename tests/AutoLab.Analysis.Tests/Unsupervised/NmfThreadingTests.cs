using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>
/// The CPU NMF splits its work into fixed blocks of rows and columns, so adding a thread changes
/// who computes a block, never what is computed: the factors must be bit-for-bit the same.
/// </summary>
[Collection(TorchCollection.Name)]
public class NmfThreadingTests
{
    // Larger than one block each way (32 rows, 256 columns per block in native/src/nmf_kernels.cpp),
    // so several blocks run on each thread.
    private const int Rows = 150;
    private const int Cols = 700;

    [Fact]
    public void Nmf_gives_identical_factors_on_one_and_two_threads()
    {
        (float[] x, _) = UnsupervisedData.PeakLibrary(Rows, Cols, noise: 0.02, seed: 31);
        NmfOptions options = new() { MaxIterations = 60 };

        NmfResult one, two;
        try
        {
            TorchRuntime.SetThreads(1);
            one = Nmf.Fit(x, Rows, Cols, 3, options);
            TorchRuntime.SetThreads(2);
            two = Nmf.Fit(x, Rows, Cols, 3, options);
        }
        finally
        {
            TorchRuntime.SetThreads(TorchThreadsFixture.Threads);
        }

        Assert.Equal(one.Iterations, two.Iterations);
        Assert.Equal(one.ReconstructionError, two.ReconstructionError);
        Assert.True(one.W.AsSpan().SequenceEqual(two.W), "W must not depend on the thread count");
        Assert.True(one.H.AsSpan().SequenceEqual(two.H), "H must not depend on the thread count");
    }

    [Fact]
    public void Nmf_on_two_threads_reports_the_frobenius_norm_of_its_residual()
    {
        // The residual is summed by row blocks on several threads; a double recomputation here checks
        // that every block was counted once.
        (float[] x, _) = UnsupervisedData.PeakLibrary(Rows, Cols, noise: 0.02, seed: 32);
        NmfResult fit;
        try
        {
            TorchRuntime.SetThreads(2);
            fit = Nmf.Fit(x, Rows, Cols, 3, new NmfOptions { MaxIterations = 20 });
        }
        finally
        {
            TorchRuntime.SetThreads(TorchThreadsFixture.Threads);
        }

        double squared = 0.0;
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                double model = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    model += (double)fit.W[(r * 3) + k] * fit.H[(k * Cols) + c];
                }

                squared += Math.Pow(x[(r * Cols) + c] - model, 2);
            }
        }

        // Float32 model rows against a double recomputation.
        const double RelativeTolerance = 1e-4;
        Assert.Equal(Math.Sqrt(squared), fit.ReconstructionError, Math.Sqrt(squared) * RelativeTolerance);
    }
}
