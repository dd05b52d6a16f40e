using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab bench campaigns [--json] [--seeds N] [--first-seed S] [--quick] [--only NAME]</c>: each mission
/// campaign and its baselines over several seeds, the median figure of merit against its target.
/// </summary>
/// <seealso cref="CampaignBenchmarks"/>
public static class CampaignBenchCommand
{
    // Infinity stands for "never reached within the budget", which JSON has no number for; the relaxed
    // encoder keeps δ, ± and × readable in the method text (the output goes to a terminal or a file, not HTML).
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Builds the command.</summary>
    /// <returns>The <c>campaigns</c> subcommand of <c>bench</c>.</returns>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object (progress goes to stderr)." };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per campaign, S … S + N − 1 (medians are reported).", DefaultValueFactory = _ => 5 };
        // Seeds beyond the first N check a figure on draws no setting was ever chosen on.
        var firstSeed = new Option<int>("--first-seed") { Description = "First seed S (default 1): e.g. --first-seed 11 --seeds 30 for seeds 11 … 40.", DefaultValueFactory = _ => 1 };
        var quick = new Option<bool>("--quick") { Description = "Shortened campaigns (smaller budgets), for tests and quick checks." };
        var only = new Option<string?>("--only") { Description = "Run only the campaign benchmark of this name." };
        var command = new Command("campaigns", "Mission campaigns against their baselines: figures of merit, medians over seeds.") { json, seeds, firstSeed, quick, only };
        command.SetAction(parse => CliAction.RunAsync(() => Task.FromResult(Run(parse.GetValue(json), parse.GetValue(seeds), parse.GetValue(firstSeed), parse.GetValue(quick), parse.GetValue(only)))));
        return command;
    }

    static int Run(bool json, int seeds, int firstSeed, bool quick, string? only)
    {
        if (seeds < 1)
        {
            throw new CliError($"--seeds must be at least 1, not {seeds}", CliError.BadInput);
        }

        if (firstSeed < 1)
        {
            throw new CliError($"--first-seed must be at least 1, not {firstSeed}", CliError.BadInput);
        }

        List<ICampaignBenchmark> selected = [.. CampaignBenchmarks.All.Where(b => only is null || string.Equals(b.Name, only, StringComparison.OrdinalIgnoreCase))];
        if (selected.Count == 0)
        {
            throw new CliError($"no campaign benchmark named '{only}'; known: {string.Join(", ", CampaignBenchmarks.All.Select(b => b.Name))}", CliError.BadInput);
        }

        var result = new JsonObject
        {
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            ["seeds"] = seeds,
            ["first_seed"] = firstSeed,
            ["quick"] = quick,
        };
        var campaigns = new JsonObject();
        foreach (ICampaignBenchmark benchmark in selected)
        {
            var watch = Stopwatch.StartNew();
            List<CampaignFigure> runs = [];
            for (int seed = firstSeed; seed < firstSeed + seeds; seed++)
            {
                CampaignFigure figure = benchmark.Run(seed, quick);
                runs.Add(figure);
                Progress(json, string.Create(CultureInfo.InvariantCulture, $"{benchmark.Name}: seed {seed} ({seed - firstSeed + 1}/{seeds}): {figure.Value:G4} (target {(figure.Comparison == TargetComparison.AtMost ? "≤" : "≥")} {figure.Target:G4}), {watch.Elapsed.TotalSeconds:F0} s"));
            }

            CampaignFigureSummary summary = CampaignFigureSummary.Of(runs, Math.Round(watch.Elapsed.TotalSeconds, 1));
            campaigns[benchmark.Name] = JsonSerializer.SerializeToNode(summary, Json);
        }

        result["campaigns"] = campaigns;
        Console.WriteLine(result.ToJsonString(new JsonSerializerOptions(Json) { WriteIndented = !json }));
        return 0;
    }

    static void Progress(bool json, string message)
    {
        if (json)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            Console.WriteLine(message);
        }
    }
}
