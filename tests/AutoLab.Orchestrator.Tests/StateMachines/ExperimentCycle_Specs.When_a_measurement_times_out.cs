using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>The diffractometer never answers: every attempt times out until the step's attempts are spent.</summary>
    public sealed class When_a_measurement_times_out : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureAndAnalyze);
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.FireTimeoutAsync(_start.ExperimentId);
            await _bus.FireRetryAsync(_start.ExperimentId);
            await _bus.FireTimeoutAsync(_start.ExperimentId);
            await _bus.FireRetryAsync(_start.ExperimentId);
            await _bus.FireTimeoutAsync(_start.ExperimentId);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_retry_after_backoff_then_fault_after_max_attempts()
        {
            Assert.Equal([1, 2, 3], _bus.Sent<MeasureSample>().Select(m => m.Attempt));
            Assert.All(_bus.Sent<MeasureSample>(), m => Assert.Equal(ExperimentScript.Key(_start, "measure"), m.IdempotencyKey));

            // Back-off doubles per attempt: 2 s x 2^(attempt-1).
            Assert.Equal([2, 3], _bus.Timers.Retries.Select(r => r.Message.Attempt));
            Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _bus.Timers.Retries.Select(r => r.Delay));

            ExperimentFaulted faulted = Assert.Single(_bus.Published<ExperimentFaulted>());
            Assert.Equal(ExperimentStep.Measure, faulted.Step);
            Assert.Equal(StepFaultKind.Timeout, faulted.Kind);
            Assert.Equal(7, faulted.Sequence);
            Assert.Contains("after 3 attempts", faulted.Reason, StringComparison.Ordinal);
            Assert.Contains("no answer from 'xrd' within 30 s", faulted.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_journal_StepFaulted_per_attempt_with_Timeout_kind()
        {
            IReadOnlyList<StepFaulted> faults = _bus.Journal.Payloads<StepFaulted>(JournalKinds.StepFaulted);

            Assert.Equal([1, 2, 3], faults.Select(f => f.Attempt));
            Assert.All(faults, f => Assert.Equal(StepFaultKind.Timeout, f.Kind));
            Assert.All(faults, f => Assert.True(f.Retryable, "a timeout is retryable; only the attempt limit ends it"));
            string key = ExperimentScript.Key(_start, "measure");
            Assert.Equal([$"{key}#1", $"{key}#2", $"{key}#3"], _bus.Journal.Facts.Where(f => f.Kind == JournalKinds.StepFaulted).Select(f => f.IdempotencyKey));
            Assert.Equal(JournalKinds.ExperimentFaulted, _bus.Departures.KindsBefore<ExperimentFaulted>()[^1]);
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.MeasurementCompleted));
        }

        [Fact]
        public void Should_arm_a_fresh_timeout_for_every_attempt()
        {
            Assert.Equal([1, 2, 3], _bus.Timers.Timeouts.Select(t => t.Message.Attempt));
            Assert.All(_bus.Timers.Timeouts, t => Assert.Equal(ExperimentStep.Measure, t.Message.Step));
            Assert.Null(_bus.Timers.ArmedTimeout(_start.ExperimentId));
        }

        [Fact]
        public async Task Should_finalize_the_faulted_instance()
        {
            Assert.Empty(_bus.Sent<AnalyzeMeasurement>());
            Assert.True(await FinalizedAsync(_bus, _start.ExperimentId), "a faulted experiment must be removed from the saga repository");
        }
    }
}
