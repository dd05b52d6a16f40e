using AutoLab.Analysis.Models;
using AutoLab.Analysis.PhaseMapping;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.PhaseMaps;

/// <summary>A run's phase calls: the composition and the presence probability of each phase of every completed experiment.</summary>
/// <param name="Sequences">Each experiment's sequence number.</param>
/// <param name="Points">Each composition as (first, second) element fractions.</param>
/// <param name="Presence">Each experiment's presence probability per phase, in the model's phase order.</param>
public sealed record RunPhaseCalls(IReadOnlyList<int> Sequences, IReadOnlyList<double[]> Points, IReadOnlyList<double[]> Presence)
{
    /// <summary>Reads the calls from a run folder's journal (completed experiments only, by sequence).</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="model">The phases, whose outputs are <c>presence_&lt;slug&gt;</c>.</param>
    /// <param name="knobs">The two composition knobs, e.g. Fe and Ni (the third element is the remainder).</param>
    /// <param name="ct">Cancels the reading.</param>
    /// <returns>The calls.</returns>
    /// <exception cref="PhaseHullException">No completed experiment, or one lacks a knob or an output, or has a value that is not a number; the message names the experiment.</exception>
    public static async Task<RunPhaseCalls> LoadAsync(RunFolder folder, PhaseHullModel model, IReadOnlyList<string> knobs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(knobs);
        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(folder.JournalPath, ct);
        CampaignJournalState state = CampaignJournalState.Build(entries, $"the journal '{folder.JournalPath}'");
        string[] outputs = [.. model.Phases.Select(p => PhaseMapLab.PresencePrefix + StageOutputs.Slug(p.Name))];
        List<int> sequences = [];
        List<double[]> points = [];
        List<double[]> presence = [];
        foreach (ExperimentRecord record in state.Experiments.Where(r => r.Completed is not null).OrderBy(r => r.Sequence))
        {
            IReadOnlyDictionary<string, double> values = record.Analyzed?.Objectives ?? record.Completed!.Observation.Objectives;
            double[] point = [.. knobs.Select(k => Read(record.Parameters.Values, k, record.Sequence, "composition knob"))];
            if (point[0] < -1e-9 || point[1] < -1e-9 || point[0] + point[1] > 1 + 1e-9)
            {
                throw new PhaseHullException($"experiment {record.Sequence}: composition {knobs[0]} = {point[0]}, {knobs[1]} = {point[1]} lies outside the composition triangle");
            }

            double[] calls = [.. outputs.Select(o => Read(values, o, record.Sequence, "presence output"))];
            if (calls.Any(c => c < 0 || c > 1))
            {
                throw new PhaseHullException($"experiment {record.Sequence}: a presence output lies outside [0, 1] ({string.Join(", ", calls)})");
            }

            sequences.Add(record.Sequence);
            points.Add([Math.Clamp(point[0], 0, 1), Math.Clamp(point[1], 0, 1 - Math.Clamp(point[0], 0, 1))]);
            presence.Add(calls);
        }

        return sequences.Count == 0
            ? throw new PhaseHullException($"{folder.Root}: no completed experiment to fit a phase map to")
            : new RunPhaseCalls(sequences, points, presence);
    }

    private static double Read(IReadOnlyDictionary<string, double> values, string name, int sequence, string what) =>
        values.TryGetValue(name, out double value) && double.IsFinite(value)
            ? value
            : throw new PhaseHullException(values.ContainsKey(name)
                ? $"experiment {sequence}: {what} '{name}' is {value}, not a number"
                : $"experiment {sequence}: no {what} '{name}' (it has {string.Join(", ", values.Keys)})");
}
