using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>Only the diffractometer limits the anneal temperature: the sample is prepared, the measurement is refused.</summary>
    public sealed class When_the_point_is_outside_the_measuring_instruments_envelope : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(
            envelope: [new EnvelopeLimit { Instrument = "xrd", Parameter = "T_anneal", Maximum = 400 }]);

        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.Prepared(_start));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_prepare_then_refuse_the_measurement_without_sending_it()
        {
            Assert.Single(_bus.Sent<PrepareSample>());
            Assert.Empty(_bus.Sent<MeasureSample>());
            ExperimentFaulted faulted = Assert.Single(_bus.Published<ExperimentFaulted>());
            Assert.Equal(ExperimentStep.Measure, faulted.Step);
            Assert.Equal(StepFaultKind.Refused, faulted.Kind);
            Assert.Equal(
                [JournalKinds.ExperimentStarted, JournalKinds.SamplePrepared, JournalKinds.StepFaulted, JournalKinds.ExperimentFaulted],
                _bus.Journal.Kinds);
        }
    }
}
