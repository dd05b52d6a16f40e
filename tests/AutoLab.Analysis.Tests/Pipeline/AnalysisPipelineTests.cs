using AutoLab.Analysis.Pipeline;
using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;

namespace AutoLab.Analysis.Tests.Pipeline;

/// <summary>
/// The pipeline runs stages in order over each other's outputs and refuses results that miss an objective
/// or hold a number that is not finite, naming the stage or objective at fault.
/// </summary>
public class AnalysisPipelineTests
{
    private readonly AnalysisPipeline pipeline = new(AnalysisModelRegistry.CreateDefault());

    private static AnalyzeMeasurement Command(Dictionary<string, double> readings, string[] objectives, params AnalysisStage[] stages) => new()
    {
        CampaignId = Guid.NewGuid(),
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = "e1/analyze",
        Timestamp = DateTimeOffset.UnixEpoch,
        Parameters = new ParameterPoint(),
        Readings = readings,
        Objectives = objectives,
        Pipeline = stages,
    };

    private static AnalysisStage Stage(string model, params (string Key, string Value)[] options) =>
        new() { Model = model, Options = options.ToDictionary(o => o.Key, o => o.Value) };

    [Fact]
    public void Later_stages_see_and_replace_the_outputs_of_earlier_ones()
    {
        AnalyzeMeasurement command = Command(
            new() { ["peak_ev"] = 8048, ["peak_ev_sd"] = 20 },
            ["peak"],
            Stage("readings", ("map", "peak=peak_ev")),
            Stage("scale", ("source", "peak"), ("factor", "0.001")),
            Stage("scale", ("source", "peak"), ("target", "peak_twice"), ("factor", "2")));

        AnalysisResult result = pipeline.Run(command);

        Assert.Equal(8.048, result.Objectives["peak"], 12);
        Assert.Equal(0.02, result.Uncertainties["peak"], 12);
        Assert.Equal(16.096, result.Objectives["peak_twice"], 12);
    }

    [Fact]
    public void An_empty_pipeline_reads_objectives_straight_from_the_readings()
    {
        AnalysisResult result = pipeline.Run(Command(new() { ["y"] = 0.4, ["other"] = 7 }, ["y"]));

        Assert.Equal(new Dictionary<string, double> { ["y"] = 0.4 }, result.Objectives);
    }

    [Fact]
    public void A_missing_objective_is_named_with_what_was_produced()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(
            () => pipeline.Run(Command(new() { ["a"] = 1, ["b"] = 2 }, ["a", "y"])));

        Assert.Equal("the pipeline produced no objective 'y'; objectives produced: a; readings: a, b", error.Message);
    }

    [Fact]
    public void A_stage_error_names_the_stage()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(
            () => pipeline.Run(Command(new() { ["y"] = double.NaN }, ["y"], Stage("readings"), Stage("scale", ("source", "y")))));

        Assert.Equal("stage 1 ('readings'): reading 'y' (for objective 'y') is NaN, not a finite number", error.Message);
    }

    [Fact]
    public void An_unknown_model_is_refused_with_the_known_ones()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(
            () => pipeline.Run(Command(new() { ["y"] = 1 }, ["y"], Stage("readings"), Stage("cnn"))));

        Assert.Equal("stage 2 ('cnn'): unknown analysis model 'cnn'; known models: adaptive-xrd, phase-id, readings, sas-model, scale", error.Message);
    }

    [Fact]
    public void A_result_that_overflows_is_refused()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(
            () => pipeline.Run(Command(new() { ["y"] = 1e300 }, ["y"], Stage("readings"), Stage("scale", ("source", "y"), ("factor", "1e300")))));

        Assert.Equal("objective 'y' is Infinity, not a finite number", error.Message);
    }

    [Fact]
    public void An_unexpected_model_failure_is_reported_with_its_stage()
    {
        AnalysisPipeline withBrokenModel = new(new AnalysisModelRegistry([new BrokenModel()]));

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => withBrokenModel.Run(Command(new() { ["y"] = 1 }, ["y"], Stage("broken"))));

        Assert.Equal("stage 1 ('broken') failed: detector file is truncated", error.Message);
        Assert.IsType<IOException>(error.InnerException);
    }

    /// <summary>A model whose data file cannot be read.</summary>
    public sealed class BrokenModel : IAnalysisModel
    {
        public string Name => "broken";

        public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options) =>
            throw new IOException("detector file is truncated");
    }
}
