using System.Text.Json;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// <c>autolab bench campaigns</c> through the real CLI: <c>--first-seed</c> shifts the seeds run (so a figure can
/// be checked on seeds no setting was chosen on), the JSON says which were run, and a bad value is refused by name.
/// </summary>
public sealed class CampaignBenchCommandTests
{
    // The quick dynamic-aperture benchmark tracks 160 settings per seed: seconds on an idle two-core machine.
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task First_seed_runs_the_seeds_from_it_and_the_json_names_them()
    {
        AutoLabCommand.Result run = await AutoLabCommand.RunAsync(
            ["bench", "campaigns", "--only", "dynamic_aperture", "--quick", "--seeds", "2", "--first-seed", "7", "--json"], Limit);

        Assert.True(run.ExitCode == 0, run.ToString());
        using JsonDocument document = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]);
        JsonElement root = document.RootElement;
        Assert.Equal(7, root.GetProperty("first_seed").GetInt32());
        JsonElement campaign = root.GetProperty("campaigns").GetProperty("dynamic_aperture");
        Assert.Equal([7, 8], campaign.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(2, campaign.GetProperty("values").GetArrayLength());
    }

    [Fact]
    public async Task A_first_seed_below_one_is_refused_with_exit_2_naming_the_option()
    {
        AutoLabCommand.Result run = await AutoLabCommand.RunAsync(["bench", "campaigns", "--first-seed", "0"], Limit);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--first-seed must be at least 1, not 0", run.Output + run.Error, StringComparison.Ordinal);
    }
}
