using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>instruments</c>: instrument names to their declarations (process or external).</summary>
internal static class InstrumentSection
{
    private static readonly string[] Keys = ["type", "command", "working_directory", "environment", "steps", "capacity", "timeout", "envelope"];

    /// <summary>Keys that only make sense when the orchestrator runs the process itself.</summary>
    private static readonly string[] ProcessKeys = ["command", "working_directory", "environment", "capacity", "timeout"];

    private static readonly Dictionary<string, InstrumentType> Types = new(StringComparer.Ordinal)
    {
        ["process"] = InstrumentType.Process,
        ["external"] = InstrumentType.External,
    };

    private static readonly Dictionary<string, ExperimentStep> StepWords = new(StringComparer.Ordinal)
    {
        ["prepare"] = ExperimentStep.Prepare,
        ["measure"] = ExperimentStep.Measure,
    };

    public static IReadOnlyList<InstrumentSpec> Read(SpecReader reader, YamlNode node, string path)
    {
        List<InstrumentSpec> instruments = [];
        reader.Record(path, node);
        if (node is not YamlMappingNode mapping)
        {
            reader.Fail(node, path, $"expected a mapping of instrument names to their declarations, e.g. {{my-sim: {{type: process, command: [...], steps: [measure]}}}}, found {YamlScalars.Describe(node)}");
            return instruments;
        }

        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                reader.Note(key.Start, path, $"instrument names must be text, found {YamlScalars.Describe(key)}");
                continue;
            }

            // Located at the name first: a bad or clashing name is the key's fault.
            string instrumentPath = SpecPath.Key(path, name);
            reader.Record(instrumentPath, key);
            instruments.Add(ReadInstrument(reader, name, value, instrumentPath));
        }

        return instruments;
    }

    private static InstrumentSpec ReadInstrument(SpecReader reader, string name, YamlNode node, string path)
    {
        SpecMapping? m = reader.Mapping(node, path, Keys);
        if (m is null)
        {
            return new InstrumentSpec { Name = name };
        }

        InstrumentType? type = m.Choice("type", Types, required: true);
        InstrumentSpec instrument = new()
        {
            Name = name,
            Type = type ?? InstrumentType.Process,
            Steps = m.Required("steps") is { } steps ? ReadSteps(reader, steps, m.PathOf("steps")) : [],
            Envelope = m.Optional("envelope") is { } envelope ? EnvelopeSection.ReadLimits(reader, envelope, m.PathOf("envelope"), name) : [],
        };

        if (type == InstrumentType.External)
        {
            foreach (string key in ProcessKeys)
            {
                if (m.Optional(key) is { } misplaced)
                {
                    reader.Fail(misplaced, m.PathOf(key), $"'{key}' is only for type: process; an external instrument is run by its own adapter on the bus, not by the orchestrator");
                }
            }

            return instrument;
        }

        // With the type unknown (already reported), the process keys are still type-checked.
        YamlNode? command = type is null ? m.Optional("command") : m.Required("command", " for a process instrument");
        return instrument with
        {
            Command = command is null ? [] : ReadCommand(reader, command, m.PathOf("command")),
            WorkingDirectory = m.Text("working_directory"),
            Environment = m.Options("environment"),
            Capacity = m.Int32("capacity") ?? 1,
            Timeout = m.Duration("timeout"),
        };
    }

    private static List<string> ReadCommand(SpecReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            // A shell-style line would need quoting rules to split; a list says exactly what each argument is.
            reader.Record(path, node);
            reader.Fail(node, path, $"expected a list of the program and its arguments, e.g. [/usr/bin/python3, sim.py], found {YamlScalars.Describe(node)}; a single text is not split into words");
            return [];
        }

        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        return [.. items.Select((item, i) => reader.Text(item, SpecPath.Index(path, i)) ?? "")];
    }

    private static List<ExperimentStep> ReadSteps(SpecReader reader, YamlNode node, string path)
    {
        List<ExperimentStep> steps = [];
        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = SpecPath.Index(path, i);
            string? word = reader.Text(items[i], itemPath);
            if (word is null)
            {
                reader.Source.MarkBroken(path);
            }
            else if (StepWords.TryGetValue(word, out ExperimentStep step))
            {
                steps.Add(step);
            }
            else
            {
                string message = word == "analyze"
                    ? "instruments serve prepare and measure; the analyze step is served by the analysis service (steps.analyze)"
                    : $"'{word}' is not a step an instrument can serve{NameSuggester.Hint(word, StepWords.Keys.ToList(), "expected one of")}";
                reader.Fail(items[i], itemPath, message);
                // The list as read is incomplete, so rules on the whole list (not empty) must not run.
                reader.Source.MarkBroken(path);
            }
        }

        return steps;
    }
}
