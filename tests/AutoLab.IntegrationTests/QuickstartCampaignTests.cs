using System.Text.Json;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The README's first command, end to end through the real CLI: the quickstart campaign completes
/// on the embedded default (in-memory bus, SQLite journal, simulated instrument).
/// </summary>
[Collection(SharedBrokerCollection.Name)]
public sealed class QuickstartCampaignTests
{
    [Fact]
    public async Task Quickstart_completes_in_memory_with_one_row_per_experiment()
    {
        RunFolderFiles run = RunFolderFiles.NewTemp("quickstart");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", RepositoryPaths.Of("examples", "quickstart.yaml"), "--out", run.Root]);

        Assert.True(result.ExitCode == 0, result.ToString());
        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(48, rows.Count);
        Assert.Equal(48, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 48), rows.Select(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(rows, r => Assert.Equal("Completed", r[Array.IndexOf(header, "status")]));
        JsonElement summary = run.Summary();
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(48, summary.GetProperty("experimentsCompleted").GetInt32());
    }

    [Fact]
    public async Task Quickstart_completes_over_a_real_RabbitMQ_broker()
    {
        string uri = BrokerEnvironment.RequireUri();
        RunFolderFiles run = RunFolderFiles.NewTemp("quickstart-rabbit");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(
            ["run", RepositoryPaths.Of("examples", "quickstart.yaml"), "--out", run.Root, "--transport", "rabbitmq", "--rabbitmq", uri]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(48, run.Observations().Rows.Count);
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());
        Assert.DoesNotContain(new Uri(uri).UserInfo.Split(':').Last(), result.Output + result.Error, StringComparison.Ordinal);
    }
}
