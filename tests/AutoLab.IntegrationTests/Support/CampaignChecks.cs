using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoLab.IntegrationTests.Support;

/// <summary>What the shortened mission-campaign tests share: editing an example spec and checking that a run spent its budget once.</summary>
public static class CampaignChecks
{
    /// <summary>Replaces a pattern in an example spec, failing when the example no longer contains it (so a renamed key cannot silently leave the test unshortened).</summary>
    public static string Replace(string text, string pattern, string replacement)
    {
        Assert.True(Regex.IsMatch(text, pattern), $"the example no longer matches '{pattern}'; update the test");
        return Regex.Replace(text, pattern, replacement);
    }

    /// <summary>
    /// The run ended Completed with exactly <paramref name="budget"/> experiments journaled as started, none twice,
    /// every one finished (completed or faulted), and at least one injected fault journaled.
    /// </summary>
    public static void AssertBudgetSpentOnceWithFaults(RunFolderFiles run, int budget)
    {
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());
        var journal = run.Journal();
        List<string?> started = [.. journal.Where(e => e.Kind == "ExperimentStarted").Select(e => e.Experiment)];
        Assert.True(started.Count == budget, $"exactly the budget of experiments should be started and journaled; found {started.Count}");
        Assert.True(started.Distinct().Count() == budget, "no experiment id may be journaled as started twice");
        Assert.True(journal.Any(e => e.Kind == "StepFaulted"), "the injected fault rate should have faulted at least one step");
        int finished = journal.Count(e => e.Kind is "ExperimentCompleted" or "ExperimentFaulted");
        Assert.True(finished == budget, $"every started experiment should finish, completed or faulted; {finished} did");
    }

    /// <summary>The index of the first observations.csv column whose header starts with <paramref name="prefix"/>.</summary>
    public static int Column(string[] header, string prefix)
    {
        int column = Array.FindIndex(header, h => h.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(column >= 0, $"observations.csv should have a column starting '{prefix}'");
        return column;
    }

    /// <summary>A number as observations.csv writes it.</summary>
    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
