using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>
    /// A slow diffractometer: the measurement times out, a retry is scheduled, then the first attempt's
    /// answer arrives before the retry fires, and the retry fires afterwards.
    /// </summary>
    public sealed class When_a_late_answer_arrives_after_a_timeout : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureAndAnalyze);
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.FireTimeoutAsync(_start.ExperimentId);
            await _bus.PublishAsync(ExperimentScript.Measured(_start));
            await _bus.FireRetryAsync(_start.ExperimentId);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_accept_the_late_answer_while_the_step_is_current()
        {
            MeasurementCompleted journaled = Assert.Single(_bus.Journal.Payloads<MeasurementCompleted>(JournalKinds.MeasurementCompleted));
            Assert.Equal(1250.5, journaled.Readings["intensity"]);
            AnalyzeMeasurement analyze = Assert.Single(_bus.Sent<AnalyzeMeasurement>());
            Assert.Equal(1250.5, analyze.Readings["intensity"]);
        }

        [Fact]
        public void Should_ignore_the_scheduled_retry_when_it_fires_later()
        {
            Assert.Equal([1], _bus.Sent<MeasureSample>().Select(m => m.Attempt));
            Assert.Equal("Analyzing", StateOf(_bus, _start.ExperimentId));
            StepTimedOut? armed = _bus.Timers.ArmedTimeout(_start.ExperimentId);
            Assert.Equal(ExperimentStep.Analyze, armed?.Step);
            Assert.Equal(1, armed?.Attempt);
        }

        [Fact]
        public async Task Should_complete_when_the_analysis_answers()
        {
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start));

            ExperimentCompleted completed = Assert.Single(_bus.Published<ExperimentCompleted>());
            Assert.Equal(81.5, completed.Observation.Objectives["yield"]);
            Assert.Single(_bus.Journal.Payloads<StepFaulted>(JournalKinds.StepFaulted));
        }
    }
}
