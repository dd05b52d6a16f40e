using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>
    /// A reference measurement (no analysis step) crashed after its measurement was journaled and before
    /// ExperimentCompleted was: on restart the journaled readings are already the result.
    /// </summary>
    public sealed class When_an_experiment_without_analysis_is_restarted_with_a_journaled_measurement : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureOnly) with
        {
            Objectives = [],
            Measurement = new CompletedMeasurement
            {
                Instrument = "xrd",
                Readings = new Dictionary<string, double> { ["intensity"] = 990.25 },
            },
        };

        SagaBus _bus = null!;

        public async Task InitializeAsync() => _bus = await SagaBus.ForExperimentsAsync();

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public async Task Should_complete_with_the_journaled_readings_without_measuring_again()
        {
            await _bus.PublishAsync(_start);

            Assert.Empty(_bus.Sent<MeasureSample>());
            Assert.Empty(_bus.Sent<AnalyzeMeasurement>());
            ExperimentCompleted completed = Assert.Single(_bus.Published<ExperimentCompleted>());
            Assert.Equal(990.25, completed.Observation.Objectives["intensity"]);
        }
    }
}
