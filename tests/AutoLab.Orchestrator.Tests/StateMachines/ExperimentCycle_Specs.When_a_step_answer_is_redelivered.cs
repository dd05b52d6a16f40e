using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>
    /// The broker delivers the start and every answer twice: the start and the robot's answer while the
    /// experiment runs, the analysis answer after it completed.
    /// </summary>
    public sealed class When_a_step_answer_is_redelivered : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start();
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.Prepared(_start));
            await _bus.PublishAsync(ExperimentScript.Prepared(_start));
            await _bus.PublishAsync(ExperimentScript.Measured(_start));
            await _bus.PublishAsync(ExperimentScript.Measured(_start));
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start));
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_journal_each_fact_once()
        {
            Assert.Equal(
                [JournalKinds.ExperimentStarted, JournalKinds.SamplePrepared, JournalKinds.MeasurementCompleted, JournalKinds.AnalysisCompleted, JournalKinds.ExperimentCompleted],
                _bus.Journal.Kinds);
        }

        [Fact]
        public void Should_send_each_command_once_and_complete_once()
        {
            Assert.Single(_bus.Sent<PrepareSample>());
            Assert.Single(_bus.Sent<MeasureSample>());
            Assert.Single(_bus.Sent<AnalyzeMeasurement>());
            Assert.Single(_bus.Published<ExperimentCompleted>());
            Assert.Empty(_bus.Published<ExperimentFaulted>());
        }
    }
}
