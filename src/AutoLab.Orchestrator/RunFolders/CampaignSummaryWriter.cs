using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>
/// Writes <c>summary.json</c>: the <see cref="CampaignSummary"/> as indented JSON (camelCase, enums by name);
/// also renders it as text for the console.
/// </summary>
/// <seealso cref="ObservationsCsvWriter"/>
public static class CampaignSummaryWriter
{
    /// <summary>The summary as JSON text.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>Indented JSON ending with a newline.</returns>
    public static string Format(CampaignSummary summary) =>
        JsonSerializer.Serialize(summary, JournalSerializer.IndentedOptions) + "\n";

    /// <summary>Writes the summary to <paramref name="path"/>, replacing the file in one step.</summary>
    /// <param name="path">Usually <see cref="RunFolder.SummaryPath"/>.</param>
    /// <param name="summary">The summary.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteAsync(string path, CampaignSummary summary, CancellationToken ct = default) =>
        AtomicFile.WriteAllTextAsync(path, Format(summary), ct);

    /// <summary>The summary in a few lines for people (status, counts, best, timing).</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>Lines separated by newlines, without a trailing newline.</returns>
    public static string Describe(CampaignSummary summary)
    {
        var text = new StringBuilder();
        string reason = summary.Reason.Length > 0 ? $": {summary.Reason}" : "";
        text.Append(CultureInfo.InvariantCulture, $"campaign '{summary.Name}' ({summary.CampaignId}): {summary.Status}{reason}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"experiments: {summary.ExperimentsStarted} started of {summary.Budget}, {summary.ExperimentsCompleted} completed, " +
            $"{summary.ExperimentsFaulted} faulted, {summary.ExperimentsInFlight} in flight\n");
        if (summary.Best is { } best)
        {
            text.Append("best: ").Append(DescribeBest(best)).Append('\n');
        }

        if (summary.BeamTime is { Seconds: > 0 } beam)
        {
            text.Append("beam time: ").Append(DescribeBeamTime(beam)).Append('\n');
        }

        string ended = summary.EndedAt is { } at ? $", ended {at:u}" : "";
        text.Append(CultureInfo.InvariantCulture,
            $"started {summary.StartedAt:u}{ended}, elapsed {summary.ElapsedSeconds:F1} s, last activity {summary.LastActivityAt:u}");
        return text.ToString();
    }

    /// <summary>
    /// Beam time in one line, e.g. <c>08:00 (28800 s) over 240 measurements; saxs 28800 s</c>, naming the faulted
    /// attempts when there were any: <c>07:58 (28680 s) over 236 measurements and 5 faulted attempts (360 s); saxs 28680 s</c>.
    /// </summary>
    /// <param name="beamTime">The summary's beam time.</param>
    /// <returns>One line of text.</returns>
    public static string DescribeBeamTime(CampaignSummaryBeamTime beamTime)
    {
        ArgumentNullException.ThrowIfNull(beamTime);
        string perInstrument = string.Join(", ", beamTime.ByInstrument.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F0} s")));
        string faulted = beamTime.FaultedAttempts > 0
            ? string.Create(CultureInfo.InvariantCulture, $" and {beamTime.FaultedAttempts} faulted attempts ({beamTime.FaultedSeconds:F0} s)")
            : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{beamTime.HoursMinutes} ({beamTime.Seconds:F0} s) over {beamTime.Measurements} measurements{faulted}; {perInstrument}");
    }

    /// <summary>The best observation in one line, e.g. <c>yield = 81.25 ± 0.5 (Maximize), experiment 2 at x1=1.5, solvent=water</c>.</summary>
    /// <param name="best">The best observation.</param>
    /// <returns>One line of text.</returns>
    public static string DescribeBest(BestObservation best)
    {
        string uncertainty = best.Uncertainty is { } sd ? " ± " + sd.ToString("G6", CultureInfo.InvariantCulture) : "";
        IEnumerable<string> where = best.Parameters.Values
            .Select(p => $"{p.Key}={p.Value.ToString("G6", CultureInfo.InvariantCulture)}")
            .Concat(best.Parameters.Choices.Select(c => $"{c.Key}={c.Value}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{best.Objective} = {best.Value:G6}{uncertainty} ({best.Direction}), experiment {best.Sequence} at {string.Join(", ", where)}");
    }
}
