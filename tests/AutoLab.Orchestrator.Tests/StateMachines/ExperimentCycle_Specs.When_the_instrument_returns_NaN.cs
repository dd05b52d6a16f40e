using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.Tests.StateMachines.Doubles;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>The diffractometer answers, but its intensity reading is NaN (published over the bus as the literal "NaN").</summary>
    public sealed class When_the_instrument_returns_NaN : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureAndAnalyze);
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.Measured(_start, intensity: double.NaN));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_fault_the_step_as_BadOutput_naming_the_reading()
        {
            StepFaulted fault = Assert.Single(_bus.Journal.Payloads<StepFaulted>(JournalKinds.StepFaulted));
            Assert.Equal(StepFaultKind.BadOutput, fault.Kind);
            Assert.True(fault.Retryable, "a garbage reading may be a glitch; measuring again is worth it");
            Assert.Contains("reading 'intensity' = NaN", fault.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_neither_journal_nor_analyze_the_garbage()
        {
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.MeasurementCompleted));
            Assert.Empty(_bus.Sent<AnalyzeMeasurement>());
            Assert.Empty(_bus.Published<ExperimentFaulted>());
        }

        [Fact]
        public async Task Should_measure_again_after_the_backoff_and_go_on_with_a_good_answer()
        {
            ScheduledTimer<RetryStep> retry = Assert.Single(_bus.Timers.Retries);
            Assert.Equal(2, retry.Message.Attempt);
            Assert.Equal(TimeSpan.FromSeconds(2), retry.Delay);

            await _bus.FireRetryAsync(_start.ExperimentId);
            await _bus.PublishAsync(ExperimentScript.Measured(_start, intensity: 1180));

            Assert.Equal([1, 2], _bus.Sent<MeasureSample>().Select(m => m.Attempt));
            Assert.Equal(1180, Assert.Single(_bus.Sent<AnalyzeMeasurement>()).Readings["intensity"]);
        }
    }
}
