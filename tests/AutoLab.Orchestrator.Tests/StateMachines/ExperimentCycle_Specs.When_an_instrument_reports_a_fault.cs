using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.Tests.StateMachines.Doubles;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>
    /// The robot reports a retryable device error, then (on the retry) one it cannot recover from; a fault
    /// for the first attempt arrives again while the retry waits.
    /// </summary>
    public sealed class When_an_instrument_reports_a_fault : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start();
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.InstrumentFault(_start, ExperimentStep.Prepare, attempt: 1, retryable: true));
            await _bus.PublishAsync(ExperimentScript.InstrumentFault(_start, ExperimentStep.Prepare, attempt: 1, retryable: true));
            await _bus.FireRetryAsync(_start.ExperimentId);
            await _bus.PublishAsync(ExperimentScript.InstrumentFault(_start, ExperimentStep.Prepare, attempt: 2, retryable: false));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_retry_a_retryable_fault_after_the_backoff()
        {
            ScheduledTimer<RetryStep> retry = Assert.Single(_bus.Timers.Retries);
            Assert.Equal(ExperimentStep.Prepare, retry.Message.Step);
            Assert.Equal(2, retry.Message.Attempt);
            Assert.Equal(TimeSpan.FromSeconds(2), retry.Delay);
            Assert.Equal([1, 2], _bus.Sent<PrepareSample>().Select(p => p.Attempt));
        }

        [Fact]
        public void Should_give_up_on_a_fault_that_is_not_retryable_although_attempts_remain()
        {
            ExperimentFaulted faulted = Assert.Single(_bus.Published<ExperimentFaulted>());
            Assert.Equal(StepFaultKind.DeviceError, faulted.Kind);
            Assert.Equal(ExperimentStep.Prepare, faulted.Step);
            Assert.Equal("prepare failed after 2 attempts: shutter did not open", faulted.Reason);
            Assert.Empty(_bus.Sent<MeasureSample>());
        }

        [Fact]
        public void Should_journal_each_attempts_fault_once_under_its_own_key()
        {
            string key = ExperimentScript.Key(_start, "prepare");
            Assert.Equal(
                [$"{key}#1", $"{key}#2"],
                _bus.Journal.Facts.Where(f => f.Kind == JournalKinds.StepFaulted).Select(f => f.IdempotencyKey));
            Assert.Equal(1, _bus.Journal.Count(JournalKinds.ExperimentFaulted));
        }
    }
}
