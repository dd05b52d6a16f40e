using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>A reference measurement: the plan measures and stops; the readings are the result.</summary>
    public sealed class When_the_plan_has_no_analysis_step : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureOnly) with { Objectives = [] };
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.Measured(_start, intensity: 1020));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_complete_with_the_readings_as_the_result_and_send_no_analysis()
        {
            Assert.Empty(_bus.Sent<AnalyzeMeasurement>());
            ExperimentCompleted completed = Assert.Single(_bus.Published<ExperimentCompleted>());
            Assert.Equal(1020, completed.Observation.Objectives["intensity"]);
            Assert.Equal(0.12, completed.Observation.Objectives["fwhm_deg"]);
            Assert.Equal([JournalKinds.ExperimentStarted, JournalKinds.MeasurementCompleted, JournalKinds.ExperimentCompleted], _bus.Journal.Kinds);
            Assert.Null(_bus.Timers.ArmedTimeout(_start.ExperimentId));
        }
    }
}
