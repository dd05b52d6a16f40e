using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>The analysis answers yield = +Infinity (a fit that diverged).</summary>
    public sealed class When_analysis_returns_a_non_finite_objective : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureAndAnalyze);
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.Measured(_start));
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start, yield: double.PositiveInfinity));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_fault_as_BadOutput_naming_the_objective_and_never_complete()
        {
            ExperimentFaulted faulted = Assert.Single(_bus.Published<ExperimentFaulted>());
            Assert.Equal(StepFaultKind.BadOutput, faulted.Kind);
            Assert.Contains("objective 'yield' = Infinity", faulted.Reason, StringComparison.Ordinal);
            Assert.Empty(_bus.Timers.Retries);
            Assert.Empty(_bus.Published<ExperimentCompleted>());
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.AnalysisCompleted));
        }
    }
}
