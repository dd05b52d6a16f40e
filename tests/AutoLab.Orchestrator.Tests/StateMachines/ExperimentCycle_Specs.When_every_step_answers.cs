using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public static partial class ExperimentCycle_Specs
{
    /// <summary>The happy path: robot, diffractometer and analysis each answer their command once.</summary>
    public sealed class When_every_step_answers : IAsyncLifetime
    {
        readonly StartExperiment _start = ExperimentScript.Start();
        SagaBus _bus = null!;

        public async Task InitializeAsync()
        {
            _bus = await SagaBus.ForExperimentsAsync();
            await _bus.PublishAsync(_start);

            // Each instrument answers with the key of the command it received, as an adapter does.
            PrepareSample prepare = Assert.Single(_bus.Sent<PrepareSample>());
            await _bus.PublishAsync(ExperimentScript.Prepared(_start) with { IdempotencyKey = prepare.IdempotencyKey });
            MeasureSample measure = Assert.Single(_bus.Sent<MeasureSample>());
            await _bus.PublishAsync(ExperimentScript.Measured(_start) with { IdempotencyKey = measure.IdempotencyKey });
            AnalyzeMeasurement analyze = Assert.Single(_bus.Sent<AnalyzeMeasurement>());
            await _bus.PublishAsync(ExperimentScript.Analyzed(_start, yield: 81.5) with { IdempotencyKey = analyze.IdempotencyKey });
        }

        public async Task DisposeAsync() => await _bus.DisposeAsync();

        [Fact]
        public void Should_send_prepare_measure_analyze_in_order_and_publish_ExperimentCompleted()
        {
            Type[] order = [.. _bus.Departures.Messages
                .Where(m => m is PrepareSample or MeasureSample or AnalyzeMeasurement or ExperimentCompleted)
                .Select(m => m.GetType())];

            Assert.Equal([typeof(PrepareSample), typeof(MeasureSample), typeof(AnalyzeMeasurement), typeof(ExperimentCompleted)], order);
        }

        [Fact]
        public void Should_publish_the_observation_with_the_analysis_objectives()
        {
            ExperimentCompleted completed = Assert.Single(_bus.Published<ExperimentCompleted>());

            Assert.Equal(_start.ExperimentId, completed.ExperimentId);
            Assert.Equal(_start.CampaignId, completed.CampaignId);
            Assert.Equal(7, completed.Observation.Sequence);
            Assert.True(completed.Observation.Succeeded);
            Assert.Equal(81.5, completed.Observation.Objectives["yield"]);
            Assert.Equal(0.01, completed.Observation.Uncertainties["yield"]);
            Assert.Equal(450, completed.Observation.Parameters.Values["T_anneal"]);
            Assert.Equal("ethanol", completed.Observation.Parameters.Choices["solvent"]);
        }

        [Fact]
        public void Should_send_each_command_to_its_instruments_queue()
        {
            Assert.EndsWith("/instrument.robot", Assert.Single(_bus.SentTo<PrepareSample>())?.AbsolutePath, StringComparison.Ordinal);
            Assert.EndsWith("/instrument.xrd", Assert.Single(_bus.SentTo<MeasureSample>())?.AbsolutePath, StringComparison.Ordinal);
            Assert.EndsWith("/analysis", Assert.Single(_bus.SentTo<AnalyzeMeasurement>())?.AbsolutePath, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_key_each_command_by_experiment_and_step_and_pass_results_along()
        {
            PrepareSample prepare = Assert.Single(_bus.Sent<PrepareSample>());
            MeasureSample measure = Assert.Single(_bus.Sent<MeasureSample>());
            AnalyzeMeasurement analyze = Assert.Single(_bus.Sent<AnalyzeMeasurement>());

            Assert.Equal(ExperimentScript.Key(_start, "prepare"), prepare.IdempotencyKey);
            Assert.Equal(ExperimentScript.Key(_start, "measure"), measure.IdempotencyKey);
            Assert.Equal(ExperimentScript.Key(_start, "analyze"), analyze.IdempotencyKey);
            Assert.Equal("S-0007", measure.SampleId);
            Assert.Equal(1250.5, analyze.Readings["intensity"]);
            Assert.Equal("pattern", Assert.Single(analyze.Data).Key);
            Assert.Equal(["yield"], analyze.Objectives);
            Assert.All([prepare.Attempt, measure.Attempt, analyze.Attempt], attempt => Assert.Equal(1, attempt));
        }

        [Fact]
        public void Should_journal_each_result_before_acting_on_it()
        {
            Assert.Equal(
                [JournalKinds.ExperimentStarted, JournalKinds.SamplePrepared, JournalKinds.MeasurementCompleted, JournalKinds.AnalysisCompleted, JournalKinds.ExperimentCompleted],
                _bus.Journal.Kinds);
            Assert.Equal(JournalKinds.ExperimentStarted, _bus.Departures.KindsBefore<PrepareSample>()[^1]);
            Assert.Equal(JournalKinds.SamplePrepared, _bus.Departures.KindsBefore<MeasureSample>()[^1]);
            Assert.Equal(JournalKinds.MeasurementCompleted, _bus.Departures.KindsBefore<AnalyzeMeasurement>()[^1]);
            Assert.Equal(JournalKinds.ExperimentCompleted, _bus.Departures.KindsBefore<ExperimentCompleted>()[^1]);
        }

        [Fact]
        public void Should_arm_a_timeout_for_each_step_and_disarm_it_when_the_step_answers()
        {
            Assert.Equal(
                [ExperimentStep.Prepare, ExperimentStep.Measure, ExperimentStep.Analyze],
                _bus.Timers.Timeouts.Select(t => t.Message.Step));
            Assert.All(_bus.Timers.Timeouts, t => Assert.Equal(TimeSpan.FromSeconds(30), t.Delay));
            Assert.Null(_bus.Timers.ArmedTimeout(_start.ExperimentId));
            Assert.Empty(_bus.Timers.Retries);
        }

        [Fact]
        public async Task Should_finalize_the_instance_so_the_repository_does_not_grow()
        {
            Assert.True(await FinalizedAsync(_bus, _start.ExperimentId), "a completed experiment must be removed from the saga repository");
        }
    }
}
