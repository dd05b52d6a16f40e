using System.Globalization;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// Kill -9 in the middle of a campaign, then <c>autolab resume</c>: the campaign completes with exactly
/// its budget, no experiment id twice, and what was journaled before the crash is kept.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Kill_9_mid_campaign_then_resume_completes_exactly_the_budget()
    {
        const int budget = 40;
        string spec = SpecFiles.Write("crash", SpecFiles.Branin("crash", budget, batch: 4, measureOptions: ", latency_s: '0.04'"));
        RunFolderFiles run = RunFolderFiles.NewTemp("crash");

        using (var process = AutoLabCommand.Start(["run", spec, "--out", run.Root]))
        {
            await WaitUntilAsync(() => CountKind(run, "ExperimentCompleted") >= 10, TimeSpan.FromSeconds(60));
            process.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await process.WaitForExitAsync();
        }

        var beforeResume = run.Journal();
        int completedBefore = beforeResume.Count(e => e.Kind == "ExperimentCompleted");
        Assert.InRange(completedBefore, 10, budget - 1);

        AutoLabCommand.Result resumed = await AutoLabCommand.RunAsync(["resume", run.Root]);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("resuming 'crash'", resumed.Output, StringComparison.Ordinal);
        (_, List<string[]> rows) = run.Observations();
        Assert.Equal(budget, rows.Count);
        Assert.Equal(budget, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, budget), rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).Order());
        var after = run.Journal();
        Assert.Equal(budget, after.Count(e => e.Kind == "ExperimentStarted")); // a restarted experiment keeps its id and key
        Assert.True(beforeResume.SequenceEqual(after.Take(beforeResume.Count)), "entries journaled before the crash must be kept unchanged");
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_measurement_journaled_before_the_crash_is_not_repeated_after_resume()
    {
        // A process instrument that logs every execution: the log is the instrument's own record of
        // what it was asked to measure, independent of the journal.
        string folder = Path.Combine(Path.GetTempPath(), "autolab-it", $"counting-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string log = Path.Combine(folder, "executions.log");
        File.WriteAllText(Path.Combine(folder, "counting.py"), CountingInstrument);
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), $$"""
            name: counting
            seed: 3
            instruments:
              counter: {type: process, command: [/usr/bin/python3, counting.py, {{log}}], steps: [measure], capacity: 2, timeout: 20s}
            space:
              - {name: x1, type: continuous, bounds: [0, 1]}
              - {name: x2, type: continuous, bounds: [0, 1]}
            steps:
              measure: {instrument: counter, timeout: 30s, attempts: 2, backoff: 200ms}
            analysis:
              - {model: readings}
            objectives:
              - {name: y, direction: minimize}
            strategy: sobol
            budget: 30
            batch_size: 4
            """);
        RunFolderFiles run = RunFolderFiles.NewTemp("counting");

        using (var process = AutoLabCommand.Start(["run", Path.Combine(folder, "spec.yaml"), "--out", run.Root]))
        {
            await WaitUntilAsync(() => CountKind(run, "ExperimentCompleted") >= 8, TimeSpan.FromSeconds(90));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        HashSet<string?> measuredBeforeCrash = run.Journal().Where(e => e.Kind == "MeasurementCompleted").Select(e => e.Experiment).ToHashSet();
        int executionsBeforeResume = File.ReadAllLines(log).Length;

        AutoLabCommand.Result resumed = await AutoLabCommand.RunAsync(["resume", run.Root]);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(30, run.Observations().Rows.Count);
        string[] executionsAfterResume = File.ReadAllLines(log)[executionsBeforeResume..];
        Assert.NotEmpty(executionsAfterResume);
        Assert.All(executionsAfterResume, id => Assert.DoesNotContain(id, measuredBeforeCrash));
        Assert.Equal(30, File.ReadAllLines(log).Distinct().Count());
    }

    const string CountingInstrument = """
        import json, sys, time
        request = json.load(sys.stdin)
        with open(sys.argv[1], "a") as log:
            log.write(request["experimentId"] + "\n")
        time.sleep(0.05)
        p = request["parameters"]
        json.dump({"readings": {"y": (p["x1"] - 0.3) ** 2 + (p["x2"] - 0.6) ** 2}}, sys.stdout)
        """;

    static int CountKind(RunFolderFiles run, string kind)
    {
        try
        {
            return File.Exists(Path.Combine(run.Root, "journal.db")) ? run.Journal().Count(e => e.Kind == kind) : 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the journal is being created
        }
    }

    static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the campaign did not make progress in time");
            await Task.Delay(50);
        }
    }
}
