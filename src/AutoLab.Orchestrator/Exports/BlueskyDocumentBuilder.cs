using System.Text.Json.Nodes;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Exports;

/// <summary>
/// Turns a campaign journal into Bluesky event-model documents: one run per campaign, with a
/// <c>start</c>, one <c>descriptor</c> for the <c>primary</c> stream, one <c>event</c> per completed
/// experiment (each measured file before it as a <c>resource</c> and a <c>datum</c>, <see cref="BlueskyExternalData"/>)
/// and, once the campaign ended, a <c>stop</c>.
/// </summary>
/// <remarks>
/// <para>Field names follow the event-model JSON schemas (run_start, event_descriptor, event, run_stop):
/// times are Unix epoch seconds, every data key has <c>dtype</c>, <c>shape</c> and <c>source</c>, an event has
/// exactly <c>uid</c>, <c>time</c>, <c>descriptor</c>, <c>seq_num</c>, <c>data</c> and <c>timestamps</c>, and the stop's
/// <c>num_events</c> counts events per stream. Uids are name-based (<see cref="DeterministicUid"/>) and the start's is
/// the campaign id, so exporting again yields the same documents.</para>
/// <para>Data keys: each parameter under its own name, each instrument reading as <c>{instrument}_{reading}</c>
/// (the ophyd device_signal convention, which also keeps a reading apart from an objective of the same name),
/// each objective under its name plus <c>{objective}_sd</c> when any experiment has an uncertainty, and
/// <c>experiment_sequence</c> / <c>experiment_id</c> linking an event back to the journal. Faulted experiments
/// make no event (they have no readings) and calibration runs (sequence 0) are left out, as in
/// observations.csv.</para>
/// </remarks>
public static class BlueskyDocumentBuilder
{
    /// <summary>The <c>plan_name</c> of every campaign's start document.</summary>
    public const string PlanName = "autolab-campaign";

    /// <summary>The stream the experiments are events of.</summary>
    public const string StreamName = "primary";

    /// <summary>Builds the documents from the journal's entries.</summary>
    /// <param name="entries">The campaign's journal entries.</param>
    /// <exception cref="JournalException">The journal has no CampaignStarted entry.</exception>
    public static IReadOnlyList<BlueskyDocument> Build(IEnumerable<JournalEntry> entries) => Build(CampaignJournalState.Build(entries));

    /// <param name="state">The journal's state.</param>
    /// <param name="runRoot">The run folder: measured files are given as paths inside it (see <see cref="BlueskyExternalData"/>); null when unknown.</param>
    internal static IReadOnlyList<BlueskyDocument> Build(CampaignJournalState state, string? runRoot = null)
    {
        CampaignPlan plan = state.RequireStart().Plan;
        Guid runUid = state.CampaignId;
        double startTime = Epoch(state.StartedAt ?? DateTimeOffset.UnixEpoch);
        List<ExperimentRecord> completed =
            [.. state.Experiments.Where(e => e.Completed is { Observation.Succeeded: true } && e.Sequence > 0).OrderBy(e => e.Sequence).ThenBy(e => e.OutcomeSequence)];

        var documents = new List<BlueskyDocument> { new("start", Start(state, plan, runUid, startTime)) };
        Guid descriptorUid = DeterministicUid.Create(runUid, $"descriptor/{StreamName}");
        IReadOnlyList<(string Key, string Instrument, string Data, int Points)> external = BlueskyExternalData.Keys(completed, runRoot);
        documents.Add(new("descriptor", Descriptor(plan, completed, external, runUid, descriptorUid, startTime)));
        int seq = 0;
        foreach (ExperimentRecord experiment in completed)
        {
            // A resource and its datum come before the event that refers to them, as the RunEngine emits them.
            IReadOnlyList<(string Key, JsonObject Resource, JsonObject Datum)> files = BlueskyExternalData.Files(experiment, runUid, runRoot);
            foreach ((_, JsonObject resource, JsonObject datum) in files)
            {
                documents.Add(new("resource", resource));
                documents.Add(new("datum", datum));
            }

            documents.Add(new("event", Event(plan, experiment, files, descriptorUid, ++seq)));
        }

        if (Ended(state) is { } ended)
        {
            documents.Add(new("stop", new JsonObject
            {
                ["uid"] = DeterministicUid.Create(runUid, "stop").ToString("D"),
                ["time"] = Epoch(ended.Timestamp),
                ["run_start"] = runUid.ToString("D"),
                ["exit_status"] = ended.Outcome switch
                {
                    CampaignOutcome.Completed => "success",
                    CampaignOutcome.Faulted => "fail",
                    _ => "abort", // Aborted, and Halted (Bluesky's halt also ends a run as "abort"); a resume rewrites the file
                },
                ["reason"] = ended.Reason,
                ["num_events"] = new JsonObject { [StreamName] = completed.Count },
            }));
        }

        return documents;
    }

    static CampaignEnded? Ended(CampaignJournalState state) =>
        state.FinalEnd ?? (state.LastControlPayload is CampaignEnded { Outcome: CampaignOutcome.Halted } halted ? halted : null);

    static JsonObject Start(CampaignJournalState state, CampaignPlan plan, Guid runUid, double time) => new()
    {
        ["uid"] = runUid.ToString("D"),
        ["time"] = time,
        ["plan_name"] = PlanName,
        ["campaign_id"] = state.CampaignId.ToString("D"),
        ["spec_name"] = plan.Name,
        ["strategy"] = plan.Strategy.Name,
        ["seed"] = plan.Seed,
        ["budget"] = plan.Budget,
        ["batch_size"] = plan.BatchSize,
        ["num_points"] = plan.Budget,
        ["motors"] = new JsonArray([.. plan.Space.Select(p => (JsonNode?)p.Name)]),
        ["objectives"] = new JsonArray([.. plan.Objectives.Select(o => (JsonNode?)new JsonObject
        {
            ["name"] = o.Name,
            ["direction"] = o.Direction.ToString().ToLowerInvariant(),
            ["units"] = o.Unit,
        })]),
        ["parameter_space"] = new JsonArray([.. plan.Space.Select(p => (JsonNode?)Parameter(p))]),
        // Bluesky's start-level hint: the independent axes, each with the stream it lives in.
        ["hints"] = new JsonObject
        {
            ["dimensions"] = new JsonArray([.. plan.Space.Select(p => (JsonNode?)new JsonArray(new JsonArray(p.Name), StreamName))]),
        },
    };

    static JsonObject Parameter(ParameterDefinition p)
    {
        var node = new JsonObject { ["name"] = p.Name, ["kind"] = p.Kind.ToString().ToLowerInvariant(), ["units"] = p.Unit };
        if (p.Kind == ParameterKind.Categorical)
        {
            node["choices"] = new JsonArray([.. p.Choices.Select(c => (JsonNode?)c)]);
        }
        else
        {
            node["lower"] = p.Lower;
            node["upper"] = p.Upper;
        }

        return node;
    }

    static JsonObject Descriptor(CampaignPlan plan, List<ExperimentRecord> completed, IReadOnlyList<(string Key, string Instrument, string Data, int Points)> external, Guid runUid, Guid uid, double time)
    {
        var keys = new JsonObject();
        foreach (ParameterDefinition p in plan.Space)
        {
            JsonObject key = DataKey(p.Kind switch
            {
                ParameterKind.Categorical => "string",
                ParameterKind.Integer => "integer",
                _ => "number",
            }, $"autolab:suggestion/{plan.Strategy.Name}", p.Unit);
            if (p.Kind == ParameterKind.Categorical)
            {
                key["choices"] = new JsonArray([.. p.Choices.Select(c => (JsonNode?)c)]);
            }

            keys[p.Name] = key;
        }

        foreach ((string instrument, string reading) in ReadingKeys(completed))
        {
            keys[ReadingKey(instrument, reading)] = DataKey("number", $"autolab:instrument/{instrument}/{reading}", null);
        }

        foreach ((string key, string instrument, string data, int points) in external)
        {
            keys[key] = BlueskyExternalData.DataKey(instrument, data, points);
        }

        foreach (ObjectiveDefinition o in plan.Objectives)
        {
            keys[o.Name] = DataKey("number", "autolab:analysis", o.Unit);
            if (HasUncertainty(completed, o.Name))
            {
                keys[o.Name + "_sd"] = DataKey("number", "autolab:analysis", o.Unit);
            }
        }

        keys["experiment_sequence"] = DataKey("integer", "autolab:journal", null);
        keys["experiment_id"] = DataKey("string", "autolab:journal", null);
        return new JsonObject
        {
            ["uid"] = uid.ToString("D"),
            ["time"] = time,
            ["run_start"] = runUid.ToString("D"),
            ["name"] = StreamName,
            ["data_keys"] = keys,
        };
    }

    static JsonObject Event(CampaignPlan plan, ExperimentRecord experiment, IReadOnlyList<(string Key, JsonObject Resource, JsonObject Datum)> files, Guid descriptorUid, int seq)
    {
        Observation observation = experiment.Completed!.Observation;
        double done = Epoch(experiment.Completed.Timestamp);
        double started = experiment.Start is { } s ? Epoch(s.Timestamp) : done;
        double analyzed = experiment.Analyzed is { } a ? Epoch(a.Timestamp) : done;
        var data = new JsonObject();
        var stamps = new JsonObject();
        foreach (ParameterDefinition p in plan.Space)
        {
            JsonNode? value = p.Kind == ParameterKind.Categorical
                ? experiment.Parameters.Choices.TryGetValue(p.Name, out string? choice) ? choice : null
                : experiment.Parameters.Values.TryGetValue(p.Name, out double v) ? Number(v, p.Kind == ParameterKind.Integer) : null;
            Put(data, stamps, p.Name, value, started);
        }

        if (experiment.Measured is { } measured)
        {
            foreach ((string name, double value) in measured.Readings)
            {
                Put(data, stamps, ReadingKey(measured.Instrument, name), Number(value, false), Epoch(measured.Timestamp));
            }
        }

        foreach (ObjectiveDefinition o in plan.Objectives)
        {
            if (observation.Objectives.TryGetValue(o.Name, out double value))
            {
                Put(data, stamps, o.Name, Number(value, false), analyzed);
            }

            if (observation.Uncertainties.TryGetValue(o.Name, out double sd))
            {
                Put(data, stamps, o.Name + "_sd", Number(sd, false), analyzed);
            }
        }

        Put(data, stamps, "experiment_sequence", experiment.Sequence, started);
        Put(data, stamps, "experiment_id", experiment.ExperimentId.ToString("D"), started);
        var filled = new JsonObject();
        foreach ((string key, _, JsonObject datum) in files)
        {
            Put(data, stamps, key, datum["datum_id"]!.GetValue<string>(), Epoch(experiment.Measured!.Timestamp));
            filled[key] = false;
        }

        var node = new JsonObject
        {
            ["uid"] = experiment.ExperimentId.ToString("D"),
            ["time"] = done,
            ["descriptor"] = descriptorUid.ToString("D"),
            ["seq_num"] = seq,
            ["data"] = data,
            ["timestamps"] = stamps,
        };
        if (filled.Count > 0)
        {
            node["filled"] = filled;
        }

        return node;
    }

    static void Put(JsonObject data, JsonObject stamps, string key, JsonNode? value, double time)
    {
        data[key] = value;
        stamps[key] = time;
    }

    // JSON has no NaN or infinity; the sagas never journal such a value, but an export must not fail on one.
    static JsonValue? Number(double value, bool integer) =>
        !double.IsFinite(value) ? null : integer ? JsonValue.Create((long)Math.Round(value)) : JsonValue.Create(value);

    static JsonObject DataKey(string dtype, string source, string? units)
    {
        var key = new JsonObject { ["dtype"] = dtype, ["shape"] = new JsonArray(), ["source"] = source };
        if (!string.IsNullOrEmpty(units))
        {
            key["units"] = units;
        }

        return key;
    }

    static IEnumerable<(string Instrument, string Reading)> ReadingKeys(List<ExperimentRecord> completed) =>
        completed.Where(e => e.Measured is not null)
            .SelectMany(e => e.Measured!.Readings.Keys.Select(r => (e.Measured.Instrument, r)))
            .Distinct()
            .OrderBy(k => k.Instrument, StringComparer.Ordinal).ThenBy(k => k.r, StringComparer.Ordinal);

    static string ReadingKey(string instrument, string reading) => $"{instrument}_{reading}";

    static bool HasUncertainty(List<ExperimentRecord> completed, string objective) =>
        completed.Any(e => e.Completed!.Observation.Uncertainties.ContainsKey(objective));

    static double Epoch(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalSeconds;
}
