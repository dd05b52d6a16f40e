using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>
    /// After a crash, recovery re-publishes an experiment whose sample was prepared and whose measurement
    /// was journaled; only the analysis is left to do.
    /// </summary>
    public sealed class When_an_experiment_is_restarted_with_a_journaled_measurement : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start() with
        {
            PreparedSampleId = "S-0007",
            Measurement = new CompletedMeasurement
            {
                Instrument = "xrd",
                Readings = new Dictionary<string, double> { ["intensity"] = 990.25 },
                Data = [new DataReference { Key = "pattern", Uri = "file:///runs/specs/data/000007/pattern.xy" }],
            },
        };

        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_go_straight_to_Analyzing_and_send_no_MeasureSample()
        {
            Assert.Empty(_bus.Sent<PrepareSample>());
            Assert.Empty(_bus.Sent<MeasureSample>());
            Assert.Equal("Analyzing", StateOf(_bus, _start.ExperimentId));
        }

        [Fact]
        public void Should_analyze_the_journaled_measurement()
        {
            AnalyzeMeasurement analyze = Assert.Single(_bus.Sent<AnalyzeMeasurement>());
            Assert.Equal(990.25, analyze.Readings["intensity"]);
            Assert.Equal("pattern", Assert.Single(analyze.Data).Key);
            Assert.Equal(ExperimentScript.Key(_start, "analyze"), analyze.IdempotencyKey);
        }

        [Fact]
        public async Task Should_complete_when_the_analysis_answers()
        {
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start, yield: 77));

            Assert.Equal(77, Assert.Single(_bus.Published<ExperimentCompleted>()).Observation.Objectives["yield"]);
        }
    }
}
