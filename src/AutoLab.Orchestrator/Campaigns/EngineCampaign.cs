using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Runs a campaign spec through the whole engine in this process, as <c>autolab run</c> does on the embedded
/// default: the campaign and experiment sagas on the in-memory bus, the spec's instruments, the analysis and
/// active-learning consumers, and a SQLite journal in a temporary run folder. Returns what the journal holds.
/// </summary>
/// <remarks>
/// The campaign benchmarks use it for the designs a campaign chooses, so the figure comes from the engine's
/// own runs (suggestions asked for while experiments are in flight, retries, the journal) rather than from an
/// ask-tell loop beside it. Experiment ids are new each run and instruments seed their noise and faults from
/// them, so two runs of one spec differ in their draws, as two real campaigns would.
/// </remarks>
public static class EngineCampaign
{
    /// <summary>Runs <paramref name="specYaml"/> to its end and returns its observations.</summary>
    /// <param name="specYaml">A campaign spec, as in <c>examples/</c>.</param>
    /// <param name="label">A short name for the temporary run folder.</param>
    /// <param name="ct">Cancels the run.</param>
    /// <returns>The outcome and every finished experiment's observation, in sequence order.</returns>
    /// <exception cref="ArgumentException">The spec has errors; the message lists them with their lines.</exception>
    public static async Task<EngineCampaignResult> RunAsync(string specYaml, string label, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(specYaml);
        string root = Path.Combine(Path.GetTempPath(), $"autolab-engine-{label}-{Guid.NewGuid():N}");
        string specPath = root + ".yaml";
        await File.WriteAllTextAsync(specPath, specYaml, ct);
        try
        {
            SpecLoadResult spec = LocalSetup.LoadSpec(specPath);
            if (!spec.IsValid)
            {
                throw new ArgumentException($"campaign spec '{label}' has errors:{Environment.NewLine}{string.Join(Environment.NewLine, SpecErrorFormatter.FormatAll(spec))}", nameof(specYaml));
            }

            RunFolder folder = RunFolder.Create(root);
            var start = CampaignSession.NewStart(spec.Plan, folder);
            var session = new CampaignSession(folder, new BusOptions(), spec.Spec, spec.Schedule, quiet: true);
            CampaignEnded ended = await session.RunToEndAsync(start, start.CampaignId, alreadyFinished: 0, ct);
            return new EngineCampaignResult(ended, await ObservationsAsync(folder, ct));
        }
        finally
        {
            File.Delete(specPath);
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<Observation>> ObservationsAsync(RunFolder folder, CancellationToken ct)
    {
        List<JournalEntry> entries = [];
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(folder.JournalPath))
        {
            await foreach (JournalEntry entry in journal.ReadAllAsync(ct))
            {
                entries.Add(entry);
            }
        }

        CampaignJournalState state = CampaignJournalState.Build(entries, $"the journal '{folder.JournalPath}'");
        return
        [
            .. state.Experiments
                .Where(e => e.IsFinished)
                .OrderBy(e => e.Sequence)
                .Select(e => e.ToObservation()!),
        ];
    }
}
