using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>
/// The device is the caller's choice: CUDA runs where libtorch has it, and elsewhere the shim's reason
/// reaches C# as a <see cref="TorchException"/> instead of a silent fall-back to the CPU.
/// </summary>
[Collection(TorchCollection.Name)]
public class UnsupervisedDeviceTests
{
    private const double SameErrorTolerance = 1e-3;

    [Fact]
    public void Cuda_runs_where_available_and_is_refused_with_a_reason_where_not()
    {
        (float[] x, _) = UnsupervisedData.PeakLibrary(20, 50, noise: 0.01, seed: 3);
        var cuda = new NmfOptions { Device = "cuda", MaxIterations = 20, Tolerance = 0 };

        if (TorchRuntime.CudaDeviceCount == 0)
        {
            TorchException error = Assert.Throws<TorchException>(() => Nmf.Fit(x, 20, 50, 3, cuda));
            Assert.Contains("cuda", error.Message, StringComparison.Ordinal);
            Assert.Contains("Nmf.Fit", error.Message, StringComparison.Ordinal);
        }
        else
        {
            NmfResult onGpu = Nmf.Fit(x, 20, 50, 3, cuda);
            NmfResult onCpu = Nmf.Fit(x, 20, 50, 3, cuda with { Device = "cpu" });
            Assert.Equal(onCpu.ReconstructionError, onGpu.ReconstructionError, onCpu.ReconstructionError * SameErrorTolerance);
        }
    }

    [Fact]
    public void An_unknown_device_name_is_reported_by_the_shim()
    {
        float[] x = [1f, 2f, 3f, 4f];

        TorchException error = Assert.Throws<TorchException>(() => KMeans.Fit(x, 2, 2, 1, new KMeansOptions { Device = "tpu" }));

        Assert.Contains("unknown device 'tpu'", error.Message, StringComparison.Ordinal);
    }
}
