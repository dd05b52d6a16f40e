using System.Globalization;
using System.Text.Json;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// Two <c>autolab run</c> processes on the same RabbitMQ virtual host at the same time, each with its own
/// campaign: every orchestrator has its own saga and instrument queues (its bus scope), so neither starts,
/// measures or journals the other's experiments. The pair is the quickstart (Branin on the test-function
/// instrument) and the XRD dry run (synthesis robot then diffractometer, which finds the sample on its own
/// process's shelf), so a command served by the wrong process shows up as a fault.
/// </summary>
[Collection(SharedBrokerCollection.Name)]
public sealed class TwoOrchestratorsTests
{
    const int QuickstartBudget = 48;
    const int XrdBudget = 24;

    /// <summary>Both runs together; generous on two shared cores, where one run alone takes well under a minute.</summary>
    static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_orchestrators_on_one_virtual_host_each_complete_only_their_own_campaign()
    {
        string uri = BrokerEnvironment.RequireUri();
        RunFolderFiles quickstart = RunFolderFiles.NewTemp("two-orchestrators-quickstart");
        RunFolderFiles xrd = RunFolderFiles.NewTemp("two-orchestrators-xrd");

        Task<AutoLabCommand.Result> first = AutoLabCommand.RunAsync(
            ["run", RepositoryPaths.Of("examples", "quickstart.yaml"), "--out", quickstart.Root, "--transport", "rabbitmq", "--rabbitmq", uri], RunTimeout);
        Task<AutoLabCommand.Result> second = AutoLabCommand.RunAsync(
            ["run", RepositoryPaths.Of("examples", "xrd-dry-run.yaml"), "--out", xrd.Root, "--transport", "rabbitmq", "--rabbitmq", uri], RunTimeout);
        AutoLabCommand.Result[] results = await Task.WhenAll(first, second);

        Assert.True(results[0].ExitCode == 0, "quickstart: " + results[0]);
        Assert.True(results[1].ExitCode == 0, "xrd-dry-run: " + results[1]);
        AssertOwnCampaign(quickstart, QuickstartBudget, own: ["x1", "x2"], foreign: ["Fe", "Ni", "anneal_temperature_c"]);
        AssertOwnCampaign(xrd, XrdBudget, own: ["Fe", "Ni", "anneal_temperature_c"], foreign: ["x1", "x2"]);
    }

    /// <summary>
    /// The run completed its whole budget with no fault, its journal holds one campaign with each
    /// experiment started and completed exactly once, and its observations carry only its own knobs.
    /// </summary>
    static void AssertOwnCampaign(RunFolderFiles run, int budget, string[] own, string[] foreign)
    {
        JsonElement summary = run.Summary();
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(budget, summary.GetProperty("experimentsCompleted").GetInt32());

        List<(string Kind, string Key, string? Experiment, string Payload)> journal = run.Journal();
        Assert.Single(journal, e => e.Kind == "CampaignStarted");
        Assert.DoesNotContain(journal, e => e.Kind is "StepFaulted" or "ExperimentFaulted" or "CampaignRecovered");
        List<string?> started = [.. journal.Where(e => e.Kind == "ExperimentStarted").Select(e => e.Experiment)];
        List<string?> completed = [.. journal.Where(e => e.Kind == "ExperimentCompleted").Select(e => e.Experiment)];
        Assert.Equal(budget, started.Count);
        Assert.Equal(budget, started.Distinct().Count());
        Assert.Equal(started.Order(), completed.Order());

        // Every journaled fact names the same campaign: nothing of the other process's run leaked in.
        List<string> campaigns = [.. journal.Select(e => CampaignOf(e.Payload)).OfType<string>().Distinct()];
        Assert.True(campaigns.Count == 1, $"{run.Root}: journal names campaigns {string.Join(", ", campaigns)}");

        (string[] header, List<string[]> rows) = run.Observations();
        Assert.Equal(budget, rows.Count);
        Assert.Equal(Enumerable.Range(1, budget), rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).Order());
        Assert.All(rows, r => Assert.Equal("Completed", r[Array.IndexOf(header, "status")]));
        foreach (string name in own)
        {
            int column = Array.FindIndex(header, h => IsColumnOf(h, name));
            Assert.True(column >= 0, $"{run.Root}: observations.csv has no column '{name}' (header: {string.Join(",", header)})");
            Assert.All(rows, r => Assert.True(double.TryParse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"'{name}' = '{r[column]}' is not a number"));
        }

        Assert.All(foreign, name => Assert.DoesNotContain(header, h => IsColumnOf(h, name)));
    }

    /// <summary>A parameter's column is headed by its name, with its unit in brackets when it has one.</summary>
    static bool IsColumnOf(string heading, string parameter) =>
        heading == parameter || heading.StartsWith(parameter + "[", StringComparison.Ordinal);

    static string? CampaignOf(string payload)
    {
        using JsonDocument doc = JsonDocument.Parse(payload);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (JsonProperty property in doc.RootElement.EnumerateObject())
        {
            if (property.Name.Equals("campaignId", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ToString();
            }
        }

        return null;
    }
}
