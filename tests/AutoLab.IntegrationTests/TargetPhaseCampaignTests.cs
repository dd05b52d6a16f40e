using System.Globalization;
using AutoLab.Analysis.Registry;
using AutoLab.Contracts;
using AutoLab.IntegrationTests.Support;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Simulators.Synthesis;
using Xunit.Abstractions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// examples/xrd-target-phase.yaml, shortened to 24 samples with the shared test identifier and injected faults
/// (<see cref="XrdLoopSpec.Shortened"/>), runs through the whole stack in memory (sagas, bus, synthesis robot, diffractometer, phase-id, Bayesian
/// optimization of the Ni3Al fraction, journal). It must spend its budget exactly once per experiment, keep every
/// composition inside the triangle, report every phase's fraction, and make a sample richer in Ni3Al than random
/// compositions of the same number do.
/// </summary>
public sealed class TargetPhaseCampaignTests(ITestOutputHelper output)
{
    const int Budget = 24;

    /// <summary>The phase the example maximises, as the built-in diagram names it, and its output column.</summary>
    const string Target = TargetPhaseBenchmark.Target;
    const string TargetColumn = TargetPhaseBenchmark.Objective;

    /// <summary>Random designs the campaign is compared with: 201 draws, so their median is steady.</summary>
    const int RandomDesigns = 201;

    [Fact]
    public async Task A_shortened_target_phase_campaign_with_faults_makes_a_richer_sample_than_random_compositions()
    {
        string path = SpecFiles.Write("xrd-target-phase", XrdLoopSpec.Shortened("xrd-target-phase", Budget));
        RunFolderFiles run = RunFolderFiles.NewTemp("xrd-target-phase");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(
            ["run", path, "--out", run.Root], TimeSpan.FromMinutes(8), new Dictionary<string, string?> { [ModelRegistry.EnvironmentVariable] = TrainedPhaseIdentifier.Registry });

        Assert.True(result.ExitCode == 0, result.ToString());
        CampaignChecks.AssertBudgetSpentOnceWithFaults(run, Budget);
        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(Budget, rows.Count);
        int fe = CampaignChecks.Column(header, "Fe[");
        int ni = CampaignChecks.Column(header, "Ni[");
        int status = Array.IndexOf(header, "status");
        int target = Array.IndexOf(header, TargetColumn);
        Assert.True(target >= 0, $"observations.csv should have the objective column {TargetColumn}: {string.Join(", ", header)}");
        Assert.True(header.Count(h => h.StartsWith("fraction_", StringComparison.Ordinal) && !h.EndsWith("_sd", StringComparison.Ordinal)) == 6, "every phase's fraction should be reported");
        List<string[]> completed = [.. rows.Where(r => r[status] == "Completed")];
        Assert.True(completed.Count >= Budget / 2, $"most experiments should complete; {completed.Count} of {Budget} did");
        Assert.All(completed, r => Assert.InRange(CampaignChecks.Number(r[target]), 0.0, 1.0));

        // What the campaign made: the equilibrium Ni3Al fraction at each composition it asked for (faulted ones too,
        // since a random design is not spared its faults either).
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[] made = [.. rows.Select(r => TargetFraction(diagram, CampaignChecks.Number(r[fe]), CampaignChecks.Number(r[ni])))];
        Assert.All(rows, r => Assert.True(CampaignChecks.Number(r[fe]) + CampaignChecks.Number(r[ni]) <= 1.0 + 1e-12, $"composition Fe {r[fe]}, Ni {r[ni]} is outside the triangle"));
        double best = made.Max();
        double[] random = [.. Enumerable.Range(1, RandomDesigns).Select(s => RandomDesignBest(diagram, rows.Count, s)).Order()];
        double median = random[RandomDesigns / 2];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} samples ({completed.Count} completed): richest in {Target} {best:F3} at sample {Array.IndexOf(made, best) + 1}; random designs of the same size: median best {median:F3}, 90th percentile {random[(RandomDesigns * 9) / 10]:F3}"));
        Assert.True(best > median, string.Create(CultureInfo.InvariantCulture,
            $"the campaign's richest sample ({best:F3} {Target}) should beat the median of random designs of {rows.Count} compositions ({median:F3})"));

        // Demixing a data key the run does not have is refused with the keys it does have.
        AutoLabCommand.Result demix = await AutoLabCommand.RunAsync(["demix", run.Root, "--key", "frame"], TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, demix.ExitCode);
        Assert.Contains("no completed experiment has data 'frame' (data keys found: pattern)", demix.Error, StringComparison.Ordinal);

        // The phase-id stage reports every phase's presence, so the run's calls can be drawn as a hull map too; an unknown
        // diagram is refused, naming the option and the diagrams there are.
        AutoLabCommand.Result hull = await AutoLabCommand.RunAsync(["phase-hull", run.Root, "--divisions", "20"], TimeSpan.FromMinutes(1));
        Assert.True(hull.ExitCode == 0, hull.ToString());
        using (var fit = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Root, "phase-hull", "hull.json"))))
        {
            Assert.Equal(completed.Count, fit.RootElement.GetProperty("observations").GetInt32());
        }

        Assert.Equal(231 + 1, File.ReadAllLines(Path.Combine(run.Root, "phase-hull", "map.csv")).Length);
        AutoLabCommand.Result unknown = await AutoLabCommand.RunAsync(["phase-hull", run.Root, "--diagram", "Cu-Zn"], TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("--diagram: no built-in phase diagram 'Cu-Zn'; built in: Fe-Ni-Al", unknown.Error, StringComparison.Ordinal);
    }

    /// <summary>The equilibrium fraction of the target phase at a composition (Al the remainder), as the benchmark scores it.</summary>
    static double TargetFraction(PhaseDiagram diagram, double fe, double ni) =>
        TargetPhaseBenchmark.TargetFraction(diagram, new ParameterPoint { Values = new Dictionary<string, double> { ["Fe"] = fe, ["Ni"] = ni } });

    /// <summary>The richest of <paramref name="count"/> uniform random compositions over the triangle.</summary>
    static double RandomDesignBest(PhaseDiagram diagram, int count, int seed)
    {
        Random random = new(seed);
        double best = 0.0;
        for (int i = 0; i < count; i++)
        {
            double a = random.NextDouble();
            double b = random.NextDouble();
            (a, b) = a + b > 1.0 ? (1.0 - a, 1.0 - b) : (a, b);
            best = Math.Max(best, TargetFraction(diagram, a, b));
        }

        return best;
    }
}
