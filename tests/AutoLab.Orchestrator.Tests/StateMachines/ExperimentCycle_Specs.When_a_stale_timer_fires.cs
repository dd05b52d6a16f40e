using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>A timer message arrives twice (a misfired Quartz job, a re-delivery) or for an attempt that is no longer current.</summary>
    public sealed class When_a_stale_timer_fires : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureAndAnalyze);
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);

            StepTimedOut firstTimeout = _bus.Timers.TakeTimeout(_start.ExperimentId);
            await _bus.PublishAsync(firstTimeout);
            await _bus.PublishAsync(firstTimeout); // again, while the retry waits

            RetryStep retry = _bus.Timers.TakeRetry(_start.ExperimentId);
            await _bus.PublishAsync(retry);
            await _bus.PublishAsync(retry); // again, while attempt 2 runs
            await _bus.PublishAsync(firstTimeout); // attempt 1's timeout, now superseded
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_fault_the_attempt_once()
        {
            StepFaulted fault = Assert.Single(_bus.Journal.Payloads<StepFaulted>(JournalKinds.StepFaulted));
            Assert.Equal(1, fault.Attempt);
            Assert.Single(_bus.Timers.Retries);
        }

        [Fact]
        public void Should_send_the_retry_once_and_keep_its_timer_armed()
        {
            Assert.Equal([1, 2], _bus.Sent<MeasureSample>().Select(m => m.Attempt));
            Assert.Equal(2, _bus.Timers.ArmedTimeout(_start.ExperimentId)?.Attempt);
            Assert.Equal("Measuring", StateOf(_bus, _start.ExperimentId));
        }
    }
}
