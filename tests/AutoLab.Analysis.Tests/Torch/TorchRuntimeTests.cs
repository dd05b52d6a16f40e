using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.Torch;

/// <summary>The shim loads from the test output folder, reports its version, and controls threads and devices.</summary>
[Collection(TorchCollection.Name)]
public class TorchRuntimeTests
{
    [Fact]
    public void The_shim_is_found_in_the_output_folder_and_reports_libtorch()
    {
        Assert.True(TorchLibrary.IsAvailable(out string reason), reason);
        Assert.Equal(string.Empty, reason);
        Assert.StartsWith("autolab-torch 2 (libtorch ", TorchRuntime.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_threads_changes_what_libtorch_reports()
    {
        int before = TorchRuntime.Threads;
        try
        {
            TorchRuntime.SetThreads(1);
            Assert.Equal(1, TorchRuntime.Threads);
        }
        finally
        {
            TorchRuntime.SetThreads(before);
        }

        Assert.Equal(before, TorchRuntime.Threads);
    }

    [Fact]
    public void Zero_threads_is_refused_before_reaching_the_shim()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.SetThreads(0));
    }

    [Fact]
    public void Cpu_resolves_to_cpu_and_auto_to_cuda_only_when_a_gpu_exists()
    {
        Assert.Equal("cpu", TorchRuntime.ResolveDevice("cpu"));
        string expected = TorchRuntime.CudaDeviceCount > 0 ? "cuda:0" : "cpu";
        Assert.Equal(expected, TorchRuntime.ResolveDevice("auto"));
    }

    [Fact]
    public void Cuda_without_a_gpu_is_a_clear_error()
    {
        if (TorchRuntime.CudaDeviceCount > 0)
        {
            Assert.Equal("cuda:0", TorchRuntime.ResolveDevice("cuda"));
            return;
        }

        TorchException error = Assert.Throws<TorchException>(() => TorchRuntime.ResolveDevice("cuda"));
        Assert.Contains("sees no CUDA device", error.Message, StringComparison.Ordinal);
        Assert.Throws<TorchException>(() => TorchNetwork.Create(new NetworkSpec { InputLength = 1, Outputs = 1 }, "cuda"));
    }

    [Fact]
    public void An_unknown_device_names_the_accepted_ones()
    {
        TorchException error = Assert.Throws<TorchException>(() => TorchRuntime.ResolveDevice("tpu"));
        Assert.Contains("use cpu, cuda, cuda:N or auto", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("TorchRuntime.ResolveDevice failed: al_resolve_device:", error.Message, StringComparison.Ordinal);
    }
}
