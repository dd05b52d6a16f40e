using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>steps</c>: prepare (optional), measure (required) and analyze (optional).</summary>
internal static class StepsSection
{
    private static readonly string[] Keys = ["prepare", "measure", "analyze"];

    private static readonly string[] StepKeys = ["instrument", "timeout", "attempts", "backoff", "options"];

    public static StepsSpec Read(SpecReader reader, YamlNode node, string path)
    {
        SpecMapping? m = reader.Mapping(node, path, Keys);
        if (m is null)
        {
            return new StepsSpec();
        }

        return new StepsSpec
        {
            Prepare = m.Optional("prepare") is { } prepare ? ReadStep(reader, prepare, m.PathOf("prepare"), ExperimentStep.Prepare) : null,
            Measure = m.Required("measure") is { } measure ? ReadStep(reader, measure, m.PathOf("measure"), ExperimentStep.Measure) : null,
            Analyze = m.Optional("analyze") is { } analyze ? ReadStep(reader, analyze, m.PathOf("analyze"), ExperimentStep.Analyze) : null,
        };
    }

    private static StepPlan ReadStep(SpecReader reader, YamlNode node, string path, ExperimentStep step)
    {
        StepPlan defaults = new() { Step = step, Instrument = step == ExperimentStep.Analyze ? StepsSpec.AnalysisService : "" };
        SpecMapping? m = reader.Mapping(node, path, StepKeys);
        if (m is null)
        {
            return defaults;
        }

        // The analysis service serves analyze unless the spec names another analysis instrument.
        string? instrument = step == ExperimentStep.Analyze ? m.Text("instrument") : m.Text("instrument", required: true);
        return defaults with
        {
            Instrument = instrument ?? defaults.Instrument,
            TimeoutSeconds = m.Duration("timeout")?.TotalSeconds ?? defaults.TimeoutSeconds,
            MaxAttempts = m.Int32("attempts") ?? defaults.MaxAttempts,
            RetryBackoffSeconds = m.Duration("backoff")?.TotalSeconds ?? defaults.RetryBackoffSeconds,
            Options = m.Options("options"),
        };
    }
}
