using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>The analysis answers with "purity" but the campaign optimizes "yield".</summary>
    public sealed class When_analysis_misses_an_objective : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start(ExperimentScript.MeasureAndAnalyze);
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
            await _bus.PublishAsync(ExperimentScript.Measured(_start));
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start, new Dictionary<string, double> { ["purity"] = 0.93 }));
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_fault_as_BadOutput_without_retrying()
        {
            ExperimentFaulted faulted = Assert.Single(_bus.Published<ExperimentFaulted>());
            Assert.Equal(StepFaultKind.BadOutput, faulted.Kind);
            Assert.Equal(ExperimentStep.Analyze, faulted.Step);
            Assert.Contains("no value for objective 'yield' (got: purity)", faulted.Reason, StringComparison.Ordinal);
            Assert.Empty(_bus.Timers.Retries);
            Assert.Single(_bus.Sent<AnalyzeMeasurement>());
        }

        [Fact]
        public void Should_journal_the_fault_and_not_the_analysis()
        {
            StepFaulted fault = Assert.Single(_bus.Journal.Payloads<StepFaulted>(JournalKinds.StepFaulted));
            Assert.False(fault.Retryable, "the same pipeline on the same data would miss the objective again");
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.AnalysisCompleted));
            Assert.Equal(0, _bus.Journal.Count(JournalKinds.ExperimentCompleted));
            Assert.Empty(_bus.Published<ExperimentCompleted>());
        }
    }
}
