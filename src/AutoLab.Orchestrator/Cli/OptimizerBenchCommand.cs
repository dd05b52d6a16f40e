using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Orchestrator.Benchmarks;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab bench optimizers [--json]</c>: the active-learning suite with its peers measured in the
/// same run (scikit-learn's Gaussian process, DEAP's NSGA-II), medians over seeds.
/// </summary>
public static class OptimizerBenchCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per figure (medians are reported).", DefaultValueFactory = _ => 10 };
        var only = new Option<string[]>("--only") { Description = "Run only these parts: bo, gp-fit, latency, genetic, surrogates (default: all).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("optimizers", "Bayesian optimization regret, GP fit against scikit-learn, NSGA-II against DEAP, suggestion latency.") { json, seeds, only };
        command.SetAction(parse => CliAction.RunAsync(() =>
        {
            bool asJson = parse.GetValue(json);
            int n = parse.GetValue(seeds);
            string[] parts = parse.GetValue(only) ?? [];
            bool Runs(string part) => parts.Length == 0 || parts.Contains(part, StringComparer.OrdinalIgnoreCase);
            var figures = new JsonObject
            {
                ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                ["seeds"] = n,
            };
            if (Runs("bo"))
            {
                Progress(asJson, "Hartmann6: 10 initial + 50 BO evaluations");
                figures["bo_hartmann6"] = JsonSerializer.SerializeToNode(GaussianProcessBenchmark.Hartmann6Regret(n), Json);
                Progress(asJson, "Branin: 25 evaluations");
                figures["bo_branin"] = JsonSerializer.SerializeToNode(GaussianProcessBenchmark.BraninRegret(n), Json);
            }

            if (Runs("gp-fit"))
            {
                Progress(asJson, "GP hyperparameter fit, n = 1000, d = 6, beside scikit-learn");
                figures["gp_fit_n1000_d6"] = JsonSerializer.SerializeToNode(GaussianProcessBenchmark.CompareFit(), Json);
            }

            if (Runs("latency"))
            {
                Progress(asJson, "BO suggestion latency at n = 100, 1000, 3000");
                figures["bo_suggestion_latency"] = JsonSerializer.SerializeToNode(GaussianProcessBenchmark.SuggestionLatency([100, 1000, 3000]), Json);
            }

            if (Runs("genetic"))
            {
                Progress(asJson, "NSGA-II on ZDT1 and DTLZ2, ML-MOGA on ZDT1, beside DEAP");
                figures["genetic"] = JsonSerializer.SerializeToNode(GeneticBenchmark.Run(n), Json);
            }

            if (Runs("surrogates"))
            {
                int few = Math.Min(n, 5);
                Progress(asJson, $"parego and ehvi beside nsga2 on ZDT1 (40 evaluations), turbo beside bo and random on 20-D Ackley (100 evaluations), {few} seeds");
                figures["zdt1_40_evaluations"] = JsonSerializer.SerializeToNode(SurrogateBenchmark.MultiObjective(few), Json);
                figures["ackley20_100_evaluations"] = JsonSerializer.SerializeToNode(SurrogateBenchmark.Ackley20(few), Json);
            }

            Console.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = !asJson }));
            return Task.FromResult(0);
        }));
        return command;
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
