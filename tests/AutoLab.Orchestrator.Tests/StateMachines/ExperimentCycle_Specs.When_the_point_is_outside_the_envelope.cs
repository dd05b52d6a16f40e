using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>The suggested anneal temperature (450 °C) is above the robot's safety limit (400 °C).</summary>
    public sealed class When_the_point_is_outside_the_envelope : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(
            envelope: [new EnvelopeLimit { Instrument = "robot", Parameter = "T_anneal", Minimum = 20, Maximum = 400 }]);

        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_fault_as_Refused_without_sending_any_command()
        {
            Assert.Empty(_bus.Sent<PrepareSample>());
            Assert.Empty(_bus.Sent<MeasureSample>());
            Assert.Empty(_bus.Sent<AnalyzeMeasurement>());

            ExperimentFaulted faulted = Assert.Single(_bus.Published<ExperimentFaulted>());
            Assert.Equal(StepFaultKind.Refused, faulted.Kind);
            Assert.Equal(ExperimentStep.Prepare, faulted.Step);
            Assert.Contains("'T_anneal' = 450 is above the safety limit 400", faulted.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_journal_the_refusal_as_a_step_fault_that_is_not_retried()
        {
            Assert.Equal([JournalKinds.ExperimentStarted, JournalKinds.StepFaulted, JournalKinds.ExperimentFaulted], _bus.Journal.Kinds);
            StepFaulted refusal = Assert.Single(_bus.Journal.Payloads<StepFaulted>(JournalKinds.StepFaulted));
            Assert.Equal(StepFaultKind.Refused, refusal.Kind);
            Assert.False(refusal.Retryable, "a refusal would be refused again; retrying it only wastes time");
            Assert.Equal("robot", refusal.Instrument);
            Assert.Empty(_bus.Timers.Retries);
            Assert.Empty(_bus.Timers.Timeouts);
        }
    }
}
