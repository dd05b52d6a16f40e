using System.Globalization;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Contracts;
using AutoLab.IntegrationTests.Support;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Simulators.Synthesis;
using Xunit.Abstractions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The autonomous phase mapping of examples/xrd-phase-mapping.yaml, shortened to 64 samples with a small
/// phase-id model trained once for the test run (<see cref="TrainedPhaseIdentifier"/>) and injected faults
/// (<see cref="XrdLoopSpec.Shortened"/>), runs through the whole stack in memory: sagas, bus, the synthesis
/// robot and the diffractometer, the phase-id stage (its model read from a temporary registry),
/// the phase-map strategy and the journal. It must spend its budget exactly once per experiment, survive the
/// faults, keep every composition inside the triangle, and map the equilibrium diagram more accurately than
/// random compositions of the same number measured by the same identifier.
/// </summary>
public sealed class PhaseMappingCampaignTests(ITestOutputHelper output)
{
    const int Budget = 64;

    /// <summary>Steps per edge of the lattice the maps are scored on: the quick benchmark's.</summary>
    static readonly int TruthDivisions = PhaseMapBenchmark.TruthDivisions(quick: true);

    /// <summary>The example maps presence probabilities; a phase is called present at ½.</summary>
    const double Level = 0.5;

    /// <summary>Random designs the campaign's map is compared with; their median is the baseline.</summary>
    static readonly int[] RandomSeeds = [1, 2, 3, 4, 5];

    [Fact]
    public async Task A_shortened_phase_mapping_campaign_with_faults_completes_inside_the_triangle_and_maps_better_than_random()
    {
        string path = SpecFiles.Write("xrd-phase-mapping", XrdLoopSpec.Shortened("xrd-phase-mapping", Budget));
        RunFolderFiles run = RunFolderFiles.NewTemp("xrd-phase-mapping");
        string models = TrainedPhaseIdentifier.Registry;

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(
            ["run", path, "--out", run.Root], TimeSpan.FromMinutes(8), new Dictionary<string, string?> { [ModelRegistry.EnvironmentVariable] = models });

        Assert.True(result.ExitCode == 0, result.ToString());
        CampaignChecks.AssertBudgetSpentOnceWithFaults(run, Budget);

        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(Budget, rows.Count);
        int fe = CampaignChecks.Column(header, "Fe[");
        int ni = CampaignChecks.Column(header, "Ni[");
        int status = Array.IndexOf(header, "status");
        Assert.All(rows, r => Assert.True(CampaignChecks.Number(r[fe]) >= 0 && CampaignChecks.Number(r[ni]) >= 0 && CampaignChecks.Number(r[fe]) + CampaignChecks.Number(r[ni]) <= 1.0 + 1e-12, $"composition Fe {r[fe]}, Ni {r[ni]} is outside the triangle"));
        List<string[]> completed = [.. rows.Where(r => r[status] == "Completed")];
        Assert.True(completed.Count >= Budget / 2, $"most experiments should complete; {completed.Count} of {Budget} did");

        using PhaseIdentifier identifier = TrainedPhaseIdentifier.Load();
        var lab = new PhaseMapLab(identifier, seed: 1);
        IReadOnlyList<string> outputs = lab.Outputs(PhaseMapLab.PresencePrefix);
        int[] columns = [.. outputs.Select(o => Array.IndexOf(header, o))];
        Assert.All(columns, c => Assert.True(c >= 0, "observations.csv should have one presence column per phase of the model"));
        Assert.All(completed, r => Assert.All(columns, c => Assert.InRange(CampaignChecks.Number(r[c]), 0.0, 1.0)));

        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[][] lattice = PhaseMapLab.SimplexLattice(TruthDivisions);
        ulong[] truth = [.. lattice.Select(p => PhaseMapLab.TruthLabel(diagram, p[0], p[1], identifier.PhaseNames))];
        List<Observation> campaign = [.. completed.Select((r, i) => new Observation
        {
            ExperimentId = Guid.NewGuid(),
            Sequence = i + 1,
            Parameters = new ParameterPoint { Values = new Dictionary<string, double> { ["Fe"] = CampaignChecks.Number(r[fe]), ["Ni"] = CampaignChecks.Number(r[ni]) } },
            Objectives = outputs.Select((o, k) => (o, CampaignChecks.Number(r[columns[k]]))).ToDictionary(p => p.o, p => p.Item2),
        })];
        double mapped = PhaseMapReconstruction.Accuracy(campaign, outputs, Level, lattice, truth, seed: 1);
        double[] random = [.. RandomSeeds.Select(s => RandomDesignAccuracy(identifier, completed.Count, s, outputs, lattice, truth))];
        double median = CampaignFigureSummary.MedianOf(random);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{completed.Count} completed samples: phase-map accuracy {mapped:F3}; random {string.Join(", ", random.Select(a => a.ToString("F3", CultureInfo.InvariantCulture)))} (median {median:F3})"));
        Assert.True(
            mapped > median,
            string.Create(CultureInfo.InvariantCulture,
                $"the phase-map campaign's map from {completed.Count} samples should be more accurate than random compositions of the same number: {mapped:F3} vs random median {median:F3}"));

        await AssertLibraryDemixesAsync(run, completed.Count);
        await AssertPhaseHullMapsBetterThanKrigingAsync(run, mapped, lattice, truth, identifier.PhaseNames);
    }

    /// <summary>
    /// `autolab phase-hull` on the campaign's run folder: the known phases' energies fitted to its calls give a map, written on
    /// the scoring lattice, that is more accurate than the kriged one from the same calls.
    /// </summary>
    async Task AssertPhaseHullMapsBetterThanKrigingAsync(RunFolderFiles run, double kriged, double[][] lattice, ulong[] truth, IReadOnlyList<string> phaseNames)
    {
        AutoLabCommand.Result fit = await AutoLabCommand.RunAsync(
            ["phase-hull", run.Root, "--divisions", TruthDivisions.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(3));
        output.WriteLine(fit.Output);
        Assert.True(fit.ExitCode == 0, fit.ToString());

        string[] lines = File.ReadAllLines(Path.Combine(run.Root, "phase-hull", "map.csv"));
        Assert.Equal(lattice.Length + 1, lines.Length);
        int right = 0;
        for (int i = 0; i < lattice.Length; i++)
        {
            string[] row = RunFolderFiles.SplitCsv(lines[i + 1]);
            Assert.Equal(lattice[i][0], CampaignChecks.Number(row[0]), 9);
            Assert.Equal(lattice[i][1], CampaignChecks.Number(row[1]), 9);
            string[] called = row[^1].Length == 0 ? [] : row[^1].Split('+');
            string[] expected = [.. Enumerable.Range(0, phaseNames.Count).Where(k => ((truth[i] >> k) & 1) == 1).Select(k => phaseNames[k])];
            right += called.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)) ? 1 : 0;
        }

        double hull = right / (double)lattice.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase-hull map accuracy {hull:F3} against kriged {kriged:F3}"));
        Assert.True(hull > kriged, string.Create(CultureInfo.InvariantCulture, $"the hull fitted to the campaign's calls should map more of the lattice than kriging them: {hull:F3} vs {kriged:F3}"));
    }

    /// <summary>
    /// `autolab demix` on the campaign's run folder: NMFk over its completed patterns writes one weights row per sample, and
    /// the components follow the phase-id fractions of several different phases (the library holds most of the six).
    /// </summary>
    async Task AssertLibraryDemixesAsync(RunFolderFiles run, int completed)
    {
        const int PhasesFollowed = 3;
        const double FollowedCorrelation = 0.5;
        AutoLabCommand.Result demix = await AutoLabCommand.RunAsync(["demix", run.Root], TimeSpan.FromMinutes(3));
        output.WriteLine(demix.Output);
        Assert.True(demix.ExitCode == 0, demix.ToString());

        string folder = Path.Combine(run.Root, "demix");
        string[] weights = File.ReadAllLines(Path.Combine(folder, "weights.csv"));
        Assert.Equal(completed + 1, weights.Length);
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "demix.json")));
        string[] followed = [.. summary.RootElement.GetProperty("components").EnumerateArray()
            .Where(c => c.GetProperty("correlation").GetDouble() > FollowedCorrelation)
            .Select(c => c.GetProperty("label").GetString()!)
            .Distinct(StringComparer.Ordinal)];
        Assert.True(followed.Length >= PhasesFollowed, $"components should follow at least {PhasesFollowed} phases' fractions with r > {FollowedCorrelation}; they follow {string.Join(", ", followed)}");
    }

    /// <summary>Accuracy of the same reconstruction from <paramref name="count"/> random compositions measured by the same identifier.</summary>
    static double RandomDesignAccuracy(PhaseIdentifier identifier, int count, int seed, IReadOnlyList<string> outputs, double[][] lattice, ulong[] truth)
    {
        var lab = new PhaseMapLab(identifier, seed);
        IReadOnlyList<Observation> design = AskTellCampaign.Run(
            new RandomStrategy(), new Dictionary<string, string>(), PhaseMapLab.Space, lab.Objectives, count, PhaseMapBenchmark.BatchSize, seed, lab.Measure, PhaseMapLab.Constraints);
        return PhaseMapReconstruction.Accuracy(design, outputs, Level, lattice, truth, seed);
    }
}
