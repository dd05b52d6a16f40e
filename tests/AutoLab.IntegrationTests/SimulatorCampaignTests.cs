using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The physics simulators serve campaigns through the bus end to end, as shipped in examples/:
/// synthesis robot + diffractometer, SAXS camera on a film, storage ring with sextupole knobs.
/// </summary>
public sealed class SimulatorCampaignTests
{
    [Theory]
    [InlineData("xrd-dry-run.yaml", 24)]
    [InlineData("saxs-film.yaml", 32)]
    public async Task The_example_campaign_completes_with_a_file_per_measurement(string example, int budget)
    {
        RunFolderFiles run = RunFolderFiles.NewTemp(Path.GetFileNameWithoutExtension(example));

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", RepositoryPaths.Of("examples", example), "--out", run.Root], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(budget, run.Observations().Rows.Count);
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());
        string[] files = Directory.GetFiles(Path.Combine(run.Root, "data"), "*.csv", SearchOption.AllDirectories);
        Assert.True(files.Length >= budget, $"each measurement should leave its curve or pattern in the run folder; found {files.Length}");
    }

    [Fact]
    public async Task A_shortened_dynamic_aperture_campaign_tracks_the_ring_for_each_setting()
    {
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", "dynamic-aperture-dry-run.yaml"));
        spec = System.Text.RegularExpressions.Regex.Replace(spec, @"(?m)^budget:\s*\d+", "budget: 4");
        string path = SpecFiles.Write("da-short", spec);
        RunFolderFiles run = RunFolderFiles.NewTemp("da-short");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", path, "--out", run.Root], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("Completed", r[Array.IndexOf(header, "status")]));
    }
}
