using System.Diagnostics;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.Torch;

/// <summary>
/// The process-wide thread count reaches calls made on any thread, and applying it per call is cheap:
/// libtorch 1.13's at::init_num_threads recreated a thread pool on every prediction, which made one
/// pattern take 7-32 ms on two threads against 0.25 ms on one.
/// </summary>
[Collection(TorchCollection.Name)]
public class TorchThreadingTests
{
    // Calls per timing; the median of these is compared.
    private const int Calls = 41;

    // Two threads may cost somewhat more than one for a single pattern (the shim runs it on one
    // thread anyway); the defect this guards against cost 30-130 times more.
    private const double AllowedRatio = 4.0;

    // Absolute slack for a shared, busy machine, where one scheduling delay is about a millisecond.
    private const double SlackMicroseconds = 1000.0;

    [Fact]
    public void The_thread_count_set_on_one_thread_is_reported_on_another()
    {
        int seen = 0;
        try
        {
            TorchRuntime.SetThreads(3);
            Thread other = new(() => seen = TorchRuntime.Threads);
            other.Start();
            other.Join();
        }
        finally
        {
            TorchRuntime.SetThreads(TorchThreadsFixture.Threads);
        }

        Assert.Equal(3, seen);
    }

    [Fact]
    public void Single_pattern_prediction_on_two_threads_costs_about_what_it_costs_on_one()
    {
        NetworkSpec spec = new()
        {
            Kind = NetworkKind.Cnn1D,
            InputLength = 700,
            Outputs = 6,
            ConvChannels = [8, 16],
            ConvKernels = [7, 5],
            Pool = 3,
            BatchNorm = true,
            HiddenSizes = [32],
            Seed = 3,
        };
        using TorchNetwork network = TorchNetwork.Create(spec, "cpu");
        float[] pattern = new float[spec.InputLength];
        for (int i = 0; i < pattern.Length; i++)
        {
            pattern[i] = MathF.Sin(i * 0.05f) + 1f;
        }

        double one, two;
        try
        {
            TorchRuntime.SetThreads(1);
            one = MedianMicroseconds(network, pattern);
            TorchRuntime.SetThreads(2);
            two = MedianMicroseconds(network, pattern);
        }
        finally
        {
            TorchRuntime.SetThreads(TorchThreadsFixture.Threads);
        }

        Assert.True(
            two <= (AllowedRatio * one) + SlackMicroseconds,
            $"one pattern took {two:F0} us on two threads and {one:F0} us on one");
    }

    private static double MedianMicroseconds(TorchNetwork network, float[] pattern)
    {
        double[] times = new double[Calls];
        network.Predict(pattern, 1);
        for (int i = 0; i < Calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            network.Predict(pattern, 1);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[Calls / 2];
    }
}
