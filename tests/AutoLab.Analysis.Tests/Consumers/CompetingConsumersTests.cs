using System.Diagnostics;
using AutoLab.Analysis.Pipeline;
using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AutoLab.Analysis.Tests.Consumers;

/// <summary>
/// <see cref="AnalysisOptions.Workers"/> sets how many analyses the "analysis" endpoint runs at once: with two, two
/// consumers take messages side by side and a CPU-bound stage gets through a fixed batch faster than with one.
/// </summary>
/// <remarks>
/// The speed-up is printed, not asserted: on the two shared cores of CI another test process may hold a core, and a
/// wall-clock ratio would then fail for reasons unrelated to the code. What is asserted is exact: how many analyses
/// overlapped, which only the worker setting decides.
/// </remarks>
[Collection(SerialCollection.Name)]
public sealed class CompetingConsumersTests(ITestOutputHelper output)
{
    private const int Messages = 12;

    // CPU work per analysis: long enough (tens of ms) that two analyses overlap whenever two workers exist.
    private const int SpinIterations = 3_000_000;

    [Fact]
    public async Task One_worker_runs_one_analysis_at_a_time()
    {
        Run run = await RunBatch(workers: 1);

        Assert.Equal(Messages, run.Completed);
        Assert.Equal(1, run.MaximumInFlight);
    }

    [Fact]
    public async Task Two_workers_both_take_messages_and_finish_a_cpu_bound_batch_sooner()
    {
        // A short batch first, so start-up costs (JIT, the bus's first dispatch) do not count against one worker.
        await RunBatch(workers: 2, messages: 2);
        Run single = await RunBatch(workers: 1);
        Run both = await RunBatch(workers: 2);

        Assert.Equal(Messages, both.Completed);
        Assert.Equal(2, both.MaximumInFlight);
        Assert.True(both.Threads >= 2, $"two workers should run on two threads, saw {both.Threads}");
        output.WriteLine($"{Messages} CPU-bound analyses: 1 worker {single.Seconds:F3} s, 2 workers {both.Seconds:F3} s, speed-up {single.Seconds / both.Seconds:F2}x on {Environment.ProcessorCount} cores");
    }

    private static async Task<Run> RunBatch(int workers, int messages = Messages)
    {
        SpinModel spin = new(messages, waitForPartner: workers > 1);
        await using ServiceProvider provider = new ServiceCollection()
            .AddLogging()
            .Configure<AnalysisOptions>(o => o.Workers = workers)
            .AddSingleton<IAnalysisModel>(spin)
            .AddMassTransitTestHarness(x =>
            {
                x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(5));
                x.AddAutoLabAnalysisConsumers();
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            })
            .BuildServiceProvider(true);
        ITestHarness harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        Stopwatch clock = Stopwatch.StartNew();
        for (int i = 0; i < messages; i++)
        {
            await harness.Bus.Publish(new AnalyzeMeasurement
            {
                CampaignId = Guid.NewGuid(),
                ExperimentId = Guid.NewGuid(),
                IdempotencyKey = $"competing/{i}/analyze",
                Timestamp = DateTimeOffset.UtcNow,
                Parameters = new ParameterPoint(),
                Pipeline = [new AnalysisStage { Model = SpinModel.ModelName }],
                Objectives = ["y"],
            });
        }

        await spin.AllDone.WaitAsync(TimeSpan.FromSeconds(60));
        double seconds = clock.Elapsed.TotalSeconds;
        return new Run(spin.Completed, spin.MaximumInFlight, spin.Threads, seconds);
    }

    private sealed record Run(int Completed, int MaximumInFlight, int Threads, double Seconds);

    /// <summary>A CPU-bound stage that records how many analyses run at once and on which threads.</summary>
    private sealed class SpinModel(int expected, bool waitForPartner) : IAnalysisModel
    {
        public const string ModelName = "spin";

        private static readonly TimeSpan PartnerWait = TimeSpan.FromSeconds(10);

        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<int> _threads = [];
        private int _inFlight;
        private int _maximum;
        private int _completed;

        public string Name => ModelName;

        public Task AllDone => _done.Task;

        public int Completed => Volatile.Read(ref _completed);

        public int MaximumInFlight => Volatile.Read(ref _maximum);

        public int Threads
        {
            get
            {
                lock (_threads)
                {
                    return _threads.Count;
                }
            }
        }

        public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options)
        {
            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maximum)) && Interlocked.CompareExchange(ref _maximum, now, seen) != seen)
            {
            }

            lock (_threads)
            {
                _threads.Add(Environment.CurrentManagedThreadId);
            }

            // With two workers, the first analysis holds on until a second one has started (bounded), so
            // "two ran at once" does not depend on how the shared cores were scheduled; with one worker no
            // partner can come and the wait is skipped.
            if (waitForPartner)
            {
                SpinWait.SpinUntil(() => Volatile.Read(ref _maximum) >= 2, PartnerWait);
            }

            double sum = 0;
            for (int i = 1; i <= SpinIterations; i++)
            {
                sum += Math.Sqrt(i);
            }

            Interlocked.Decrement(ref _inFlight);
            if (Interlocked.Increment(ref _completed) == expected)
            {
                _done.TrySetResult();
            }

            return new AnalysisResult { Objectives = new Dictionary<string, double> { ["y"] = sum } };
        }
    }
}
