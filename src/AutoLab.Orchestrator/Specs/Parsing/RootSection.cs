using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads the top level of a spec and hands each section to its reader.</summary>
internal static class RootSection
{
    private static readonly string[] Keys =
    [
        "name", "description", "seed", "space", "constraints", "steps", "analysis", "objectives", "strategy",
        "budget", "batch_size", "batch_mode", "termination", "fault_policy", "approval", "envelope", "schedule", "instruments",
    ];

    // batch_mode: the words, and whether each means synchronous batches.
    private static readonly Dictionary<string, bool> BatchModes = new(StringComparer.Ordinal)
    {
        ["asynchronous"] = false,
        ["synchronous"] = true,
    };

    public static CampaignSpec? Read(SpecReader reader, YamlNode root)
    {
        SpecMapping? m = reader.Mapping(root, "", Keys);
        if (m is null)
        {
            return null;
        }

        // Required sections are read through Required so that their absence is reported once, here.
        return new CampaignSpec
        {
            Name = m.Text("name", required: true) ?? "",
            Description = m.Text("description") ?? "",
            Seed = m.Integer("seed") ?? 0,
            Space = m.Required("space") is { } space ? SpaceSection.Read(reader, space, "space") : [],
            Constraints = m.Optional("constraints") is { } constraints ? ConstraintSection.Read(reader, constraints, "constraints") : [],
            Steps = m.Required("steps") is { } steps ? StepsSection.Read(reader, steps, "steps") : new StepsSpec(),
            Analysis = m.Optional("analysis") is { } analysis ? ObjectiveSection.ReadAnalysis(reader, analysis, "analysis") : [],
            Objectives = m.Required("objectives") is { } objectives ? ObjectiveSection.ReadObjectives(reader, objectives, "objectives") : [],
            Strategy = m.Required("strategy") is { } strategy ? ReadStrategy(reader, strategy, "strategy") : new StrategySpec(),
            Budget = m.Int32("budget", required: true) ?? 0,
            BatchSize = m.Int32("batch_size") ?? 1,
            SynchronousBatches = m.Choice("batch_mode", BatchModes, required: false) ?? false,
            Termination = m.Optional("termination") is { } termination ? ReadTermination(reader, termination, "termination") : new TerminationPlan(),
            FaultPolicy = m.Optional("fault_policy") is { } policy ? ReadFaultPolicy(reader, policy, "fault_policy") : new FaultPolicy(),
            RequireApproval = m.Boolean("approval") ?? false,
            Envelope = m.Optional("envelope") is { } envelope ? EnvelopeSection.Read(reader, envelope, "envelope") : [],
            Instruments = m.Optional("instruments") is { } instruments ? InstrumentSection.Read(reader, instruments, "instruments") : [],
            Schedule = m.Optional("schedule") is { } schedule ? ScheduleSection.Read(reader, schedule, "schedule") : null,
            Source = reader.Source,
        };
    }

    /// <summary>Either a bare name (<c>strategy: sobol</c>) or <c>{name, options}</c>.</summary>
    private static StrategySpec ReadStrategy(SpecReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            // Recorded under "strategy.name" too, so rules address the name the same way in both forms.
            reader.Record(SpecPath.Key(path, "name"), node);
            return new StrategySpec { Name = reader.Text(node, path) ?? "" };
        }

        SpecMapping? m = reader.Mapping(node, path, ["name", "options"]);
        return m is null
            ? new StrategySpec()
            : new StrategySpec { Name = m.Text("name", required: true) ?? "", Options = m.Options("options") };
    }

    private static TerminationPlan ReadTermination(SpecReader reader, YamlNode node, string path)
    {
        SpecMapping? m = reader.Mapping(node, path, ["target", "patience"]);
        return m is null
            ? new TerminationPlan()
            : new TerminationPlan { TargetValue = m.Number("target"), MaxExperimentsWithoutImprovement = m.Int32("patience") };
    }

    private static FaultPolicy ReadFaultPolicy(SpecReader reader, YamlNode node, string path)
    {
        FaultPolicy defaults = new();
        SpecMapping? m = reader.Mapping(node, path, ["max_fault_fraction", "min_experiments"]);
        return m is null
            ? defaults
            : new FaultPolicy
            {
                MaxFaultFraction = m.Number("max_fault_fraction") ?? defaults.MaxFaultFraction,
                MinExperiments = m.Int32("min_experiments") ?? defaults.MinExperiments,
            };
    }
}
