using System.Globalization;
using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.IntegrationTests.Support;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Simulators.Ring.Instrument;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The dynamic-aperture campaign of examples/dynamic-aperture.yaml, shortened (5 generations of 8, 5 rays × 32 turns)
/// and with a higher fault rate (0.25), runs through the whole stack in memory: sagas, bus, storage-ring instrument
/// with its envelope, analysis, the ML-MOGA strategy and the journal. It must finish its budget exactly,
/// survive the injected faults, stay inside the power-supply limits and improve on its first generation.
/// </summary>
public sealed class DynamicApertureCampaignTests
{
    const int Budget = 40;
    const int Population = 8;

    [Fact]
    public async Task A_shortened_ml_moga_campaign_with_faults_completes_its_budget_inside_the_envelope_and_improves_the_hypervolume()
    {
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", "dynamic-aperture.yaml"));
        spec = CampaignChecks.Replace(spec, @"(?m)^budget:\s*\d+", $"budget: {Budget}");
        spec = CampaignChecks.Replace(spec, @"(?m)^batch_size:\s*\d+", $"batch_size: {Population}");
        spec = CampaignChecks.Replace(spec, @"population:\s*\d+", $"population: {Population}");
        // The test host runs the Debug build, where tracking is several times slower than in Release.
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)turns:\s*\d+", "${1}turns: 32");
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)angles:\s*\d+", "${1}angles: 5");
        // Faults are drawn per command from the seed and the experiment's id (a new GUID each run), so the
        // rate is high enough that a run without any fault is improbable (0.75^40 ≈ 1e-5), and the fault
        // policy is loosened so that an unlucky run of refusals cannot fault the campaign.
        spec = CampaignChecks.Replace(spec, @"(?m)^(\s+)fault_rate:\s*[\d.]+", "${1}fault_rate: 0.25");
        spec = CampaignChecks.Replace(spec, @"max_fault_fraction:\s*[\d.]+", "max_fault_fraction: 0.6");
        string path = SpecFiles.Write("da-mlmoga", spec);
        RunFolderFiles run = RunFolderFiles.NewTemp("da-mlmoga");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", path, "--out", run.Root], TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == 0, result.ToString());
        CampaignChecks.AssertBudgetSpentOnceWithFaults(run, Budget);

        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(Budget, rows.Count);
        foreach (RingKnob knob in RingSimulatorOptions.DefaultKnobs)
        {
            int column = Array.FindIndex(header, h => h.StartsWith(knob.Parameter + "[", StringComparison.Ordinal));
            Assert.True(column >= 0, $"observations.csv should have a column for {knob.Parameter}");
            Assert.All(rows, r =>
            {
                double value = double.Parse(r[column], CultureInfo.InvariantCulture);
                Assert.True(value >= knob.Minimum && value <= knob.Maximum, $"{knob.Parameter} = {value} is outside the {knob.Family} supply's limits");
            });
        }

        double first = FrontHypervolume(header, rows.Take(Population));
        double final = FrontHypervolume(header, rows);
        Assert.True(final > first, $"the campaign's hypervolume {final:F4} should beat its first generation's {first:F4}");
    }

    /// <summary>Hypervolume of the completed rows, areas divided by the benchmark's scale, reference (0, 0).</summary>
    static double FrontHypervolume(string[] header, IEnumerable<string[]> rows)
    {
        int on = Array.FindIndex(header, h => h.StartsWith(RingReadingKeys.DynamicApertureArea + "[", StringComparison.Ordinal));
        int off = Array.FindIndex(header, h => h.StartsWith(RingReadingKeys.OffMomentumArea + "[", StringComparison.Ordinal));
        int status = Array.IndexOf(header, "status");
        List<double[]> points =
        [
            .. rows.Where(r => r[status] == "Completed").Select(r => new[]
            {
                -double.Parse(r[on], CultureInfo.InvariantCulture) / DynamicApertureBenchmark.AreaScale,
                -double.Parse(r[off], CultureInfo.InvariantCulture) / DynamicApertureBenchmark.AreaScale,
            }),
        ];
        return points.Count == 0 ? 0.0 : Hypervolume.Compute(points, [0.0, 0.0]);
    }
}
