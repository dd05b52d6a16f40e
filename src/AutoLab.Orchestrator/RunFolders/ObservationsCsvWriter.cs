using System.Globalization;
using System.Text;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>Writes <c>observations.csv</c>: one row per finished experiment, rebuilt from the journal.</summary>
/// <remarks>
/// Columns: <c>experiment_id</c>, <c>sequence</c>, one per parameter in the space's order (header
/// <c>name[unit]</c>; numeric values or the categorical choice), one per objective (<c>name[unit]</c>), followed by
/// <c>name_sd[unit]</c> when any experiment has an uncertainty for it, then one per other analysis output that any
/// experiment has (a phase's presence, a fitted size: recorded, though no objective; ordinal name order, header
/// <c>name</c>, with <c>name_sd</c> likewise), then <c>status</c> (Completed or Faulted) and <c>fault_reason</c>
/// ("Step Kind: reason"). Rows in experiment sequence order. RFC 4180 (CRLF, quoting),
/// invariant culture, doubles written to round-trip; an empty field means no value.
/// </remarks>
/// <seealso cref="CampaignSummaryWriter"/>
public static class ObservationsCsvWriter
{
    /// <summary>Builds the CSV text from the journal's entries.</summary>
    /// <param name="entries">The campaign's journal entries.</param>
    /// <returns>The CSV document.</returns>
    /// <exception cref="JournalException">The journal has no CampaignStarted entry (the space is unknown).</exception>
    public static string Format(IEnumerable<JournalEntry> entries) => Format(CampaignJournalState.Build(entries));

    /// <summary>Writes the CSV built from the journal's entries to <paramref name="path"/>, replacing it in one step.</summary>
    /// <param name="path">Usually <see cref="RunFolder.ObservationsPath"/>.</param>
    /// <param name="entries">The campaign's journal entries.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteAsync(string path, IEnumerable<JournalEntry> entries, CancellationToken ct = default) =>
        AtomicFile.WriteAllTextAsync(path, Format(entries), ct);

    internal static string Format(CampaignJournalState state)
    {
        CampaignPlan plan = state.RequireStart().Plan;
        List<ExperimentRecord> finished =
            [.. state.Experiments.Where(e => e.IsFinished).OrderBy(e => e.Sequence).ThenBy(e => e.OutcomeSequence)];
        List<ObjectiveDefinition> withUncertainty =
            [.. plan.Objectives.Where(o => finished.Any(e => e.Completed?.Observation.Uncertainties.ContainsKey(o.Name) == true))];
        List<Output> outputs = OtherOutputs(plan, finished);

        var csv = new StringBuilder();
        CsvText.AppendRecord(csv, Header(plan, withUncertainty, outputs));
        foreach (ExperimentRecord experiment in finished)
        {
            CsvText.AppendRecord(csv, Row(plan, withUncertainty, outputs, experiment));
        }

        return csv.ToString();
    }

    // An analysis output that is not an objective, and whether any experiment reported an uncertainty for it.
    private sealed record Output(string Name, bool HasUncertainty);

    private static List<Output> OtherOutputs(CampaignPlan plan, List<ExperimentRecord> finished)
    {
        HashSet<string> objectives = [.. plan.Objectives.Select(o => o.Name)];
        List<Observation> observations = [.. finished.Select(e => e.Completed?.Observation).OfType<Observation>()];
        return
        [
            .. observations.SelectMany(o => o.Objectives.Keys)
                .Where(name => !objectives.Contains(name))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(name => new Output(name, observations.Any(o => o.Uncertainties.ContainsKey(name)))),
        ];
    }

    private static IEnumerable<string> Header(CampaignPlan plan, List<ObjectiveDefinition> withUncertainty, List<Output> outputs)
    {
        yield return "experiment_id";
        yield return "sequence";
        foreach (ParameterDefinition parameter in plan.Space)
        {
            yield return CsvText.Header(parameter.Name, parameter.Unit);
        }

        foreach (ObjectiveDefinition objective in plan.Objectives)
        {
            yield return CsvText.Header(objective.Name, objective.Unit);
            if (withUncertainty.Contains(objective))
            {
                yield return CsvText.Header(objective.Name + "_sd", objective.Unit);
            }
        }

        foreach (Output output in outputs)
        {
            yield return CsvText.Header(output.Name, "");
            if (output.HasUncertainty)
            {
                yield return CsvText.Header(output.Name + "_sd", "");
            }
        }

        yield return "status";
        yield return "fault_reason";
    }

    private static IEnumerable<string> Row(CampaignPlan plan, List<ObjectiveDefinition> withUncertainty, List<Output> outputs, ExperimentRecord experiment)
    {
        yield return experiment.ExperimentId.ToString("D");
        yield return experiment.Sequence.ToString(CultureInfo.InvariantCulture);
        ParameterPoint point = experiment.Parameters;
        foreach (ParameterDefinition parameter in plan.Space)
        {
            yield return parameter.Kind == ParameterKind.Categorical
                ? point.Choices.GetValueOrDefault(parameter.Name, "")
                : point.Values.TryGetValue(parameter.Name, out double value) ? CsvText.Number(value) : "";
        }

        Observation? observation = experiment.Completed?.Observation;
        foreach (ObjectiveDefinition objective in plan.Objectives)
        {
            yield return Value(observation?.Objectives, objective.Name);
            if (withUncertainty.Contains(objective))
            {
                yield return Value(observation?.Uncertainties, objective.Name);
            }
        }

        foreach (Output output in outputs)
        {
            yield return Value(observation?.Objectives, output.Name);
            if (output.HasUncertainty)
            {
                yield return Value(observation?.Uncertainties, output.Name);
            }
        }

        ExperimentFaulted? fault = experiment.Faulted;
        yield return fault is null ? "Completed" : "Faulted";
        yield return fault is null ? "" : $"{fault.Step} {fault.Kind}: {fault.Reason}";
    }

    private static string Value(IReadOnlyDictionary<string, double>? values, string name) =>
        values is not null && values.TryGetValue(name, out double value) ? CsvText.Number(value) : "";
}
