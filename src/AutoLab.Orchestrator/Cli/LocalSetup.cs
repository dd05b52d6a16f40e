using AutoLab.ActiveLearning.Strategies;
using AutoLab.Analysis.Pipeline;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;
using AutoLab.Simulators.Ring.Instrument;
using AutoLab.Simulators.Saxs;
using AutoLab.Simulators.TestFunctions;
using AutoLab.Simulators.Xrd;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// What this process offers a campaign: its built-in instruments, strategies and analysis models, as
/// a <see cref="SpecCatalog"/> for validation and as registrations for the host.
/// </summary>
public static class LocalSetup
{
    /// <summary>Loads and validates a spec against what this process offers and what the spec declares itself.</summary>
    /// <param name="path">The spec file.</param>
    /// <param name="baseDirectory">Folder for the spec's relative paths; the file's own folder when null (see <see cref="SpecCopy"/>).</param>
    public static SpecLoadResult LoadSpec(string path, string? baseDirectory = null)
    {
        // The catalog holds the built-ins only: the spec's own instruments are checked from the spec,
        // and a declared name that clashes with a built-in is an error.
        var registry = new InstrumentRegistry();
        RegisterInstruments(registry, spec: null);
        return CampaignSpecLoader.Load(path, Catalog(registry), baseDirectory);
    }

    /// <summary>Registers the built-in simulated instruments and the spec's process instruments (not its external ones, which a foreign adapter serves).</summary>
    /// <param name="registry">The host's registry.</param>
    /// <param name="spec">A valid spec, or null for the built-ins only.</param>
    public static void RegisterInstruments(InstrumentRegistry registry, CampaignSpec? spec)
    {
        registry.AddTestFunctionInstrument(TestFunctionRegistryExtensions.DefaultName, new TestFunctionSimulatorOptions());
        registry.AddSaxsInstrument();
        registry.AddXrdLab();
        registry.AddRingInstrument(RingRegistryExtensions.DefaultName, new RingSimulatorOptions());
        if (spec is not null)
        {
            SpecInstruments.Register(registry, spec);
        }
    }

    /// <summary>The catalog of instruments, strategies and models a spec may name.</summary>
    public static SpecCatalog Catalog(InstrumentRegistry registry)
    {
        // The same strategies the active-learning service registers, so validation and service agree.
        using ServiceProvider provider = new ServiceCollection().AddAutoLabActiveLearning().BuildServiceProvider();
        StrategyRegistry strategies = provider.GetRequiredService<StrategyRegistry>();
        return new SpecCatalog
        {
            Instruments = registry.Instruments.ToDictionary(
                d => d.Name,
                d => new InstrumentCatalogEntry { Steps = Steps(d.Capabilities), Envelope = d.Envelope }),
            // Strategy and model names match case-insensitively, as the services look them up.
            Strategies = strategies.Names.ToDictionary(
                n => n,
                n => new StrategyCatalogEntry { NeedsHistory = strategies.NeedsHistory(n) },
                StringComparer.OrdinalIgnoreCase),
            AnalysisModels = AnalysisModelRegistry.CreateDefault().Names.ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>Reads the run folder's journal and replays it.</summary>
    public static async Task<CampaignReplayResult> ReplayAsync(RunFolder folder, CancellationToken ct)
    {
        await using SqliteCampaignJournal journal = SqliteCampaignJournal.Open(folder.JournalPath);
        var entries = new List<JournalEntry>();
        await foreach (JournalEntry entry in journal.ReadAllAsync(ct))
        {
            entries.Add(entry);
        }

        return CampaignReplay.Replay(entries, DateTimeOffset.UtcNow, folder.JournalPath);
    }

    static HashSet<ExperimentStep> Steps(InstrumentCapabilities capabilities)
    {
        var steps = new HashSet<ExperimentStep>();
        if (capabilities.HasFlag(InstrumentCapabilities.Prepare))
        {
            steps.Add(ExperimentStep.Prepare);
        }

        if (capabilities.HasFlag(InstrumentCapabilities.Measure))
        {
            steps.Add(ExperimentStep.Measure);
        }

        return steps;
    }
}
