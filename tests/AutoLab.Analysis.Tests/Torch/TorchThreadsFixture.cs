using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.Torch;

/// <summary>Runs the libtorch tests on one intra-op thread.</summary>
/// <remarks>
/// The test projects run in parallel on two cores; with two OpenMP threads spinning per test host
/// the small CNN here took 12 s instead of 1 s (measured with the machine under load). One thread is
/// what these tiny networks need, and it makes the timings printed by the tests comparable.
/// </remarks>
public sealed class TorchThreadsFixture
{
    /// <summary>The intra-op threads the libtorch tests use.</summary>
    public const int Threads = 1;

    /// <summary>Loads the shim (failing with its install instructions when absent) and sets the threads.</summary>
    public TorchThreadsFixture()
    {
        if (TorchLibrary.IsAvailable(out _))
        {
            TorchRuntime.SetThreads(Threads);
        }
    }
}
