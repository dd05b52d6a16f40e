using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>After a crash, recovery re-publishes an experiment whose sample was prepared but not measured.</summary>
    public sealed class When_an_experiment_is_restarted_with_a_prepared_sample : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start() with { PreparedSampleId = "S-0007" };
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_measure_the_prepared_sample_without_preparing_another()
        {
            Assert.Empty(_bus.Sent<PrepareSample>());
            MeasureSample measure = Assert.Single(_bus.Sent<MeasureSample>());
            Assert.Equal("S-0007", measure.SampleId);
            Assert.Equal(ExperimentScript.Key(_start, "measure"), measure.IdempotencyKey);
        }
    }
}
