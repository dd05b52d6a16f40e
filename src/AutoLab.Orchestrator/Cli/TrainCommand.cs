using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Torch;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab train [NAMES...] [--all] [--models DIR] [--seed S] [--quick] [--device cpu|cuda|auto] [--threads N] [--json]</c>:
/// trains built-in models from the simulators, evaluates them on held-out data, and writes them with their cards
/// into the model registry (issue 5, item 4).
/// </summary>
/// <remarks>
/// A model already in the registry is replaced: training is explicit here, whereas an analysis stage only trains a
/// built-in that is missing. <seealso cref="ModelRegistry"/> <seealso cref="BuiltInModels"/>
/// </remarks>
public static class TrainCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var names = new Argument<string[]>("names") { Description = $"Built-in models to train: {string.Join(", ", BuiltInModels.Names)}.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Train every built-in model." };
        var models = new Option<string?>("--models") { Description = $"Registry folder (default: ${ModelRegistry.EnvironmentVariable}, else .autolab/models)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the training data and networks.", DefaultValueFactory = _ => ModelTrainingSettings.DefaultSeed };
        var quick = new Option<bool>("--quick") { Description = "The quick recipes: seconds each, a smoke test, not the documented accuracy." };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int>("--threads") { Description = "libtorch threads while training (0: leave libtorch's default)." };
        var json = new Option<bool>("--json") { Description = "Print the cards as JSON (progress goes to stderr)." };
        var command = new Command("train", "Train built-in analysis models from the simulators into the model registry.")
        {
            names, all, models, seed, quick, device, threads, json,
        };
        command.SetAction(parse => CliAction.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(names) ?? [], parse.GetValue(all), parse.GetValue(models), parse.GetValue(seed),
            parse.GetValue(quick), parse.GetValue(device) ?? "cpu", parse.GetValue(threads), parse.GetValue(json)))));
        return command;
    }

    static int Run(string[] names, bool all, string? modelsPath, long seed, bool quick, string device, int threads, bool asJson)
    {
        if (names.Length == 0 && !all)
        {
            throw new CliError($"name the models to train or pass --all; built-in models: {string.Join(", ", BuiltInModels.Names)}");
        }

        if (threads < 0)
        {
            throw new CliError($"--threads must be 0 or more, not {threads}");
        }

        IBuiltInModel[] chosen;
        try
        {
            chosen = all ? [.. BuiltInModels.All] : [.. names.Distinct(StringComparer.OrdinalIgnoreCase).Select(BuiltInModels.Get)];
        }
        catch (ModelRegistryException ex)
        {
            throw new CliError(ex.Message);
        }

        string resolved = ResolveDevice(device);
        ModelRegistry registry = new(string.IsNullOrWhiteSpace(modelsPath) ? ModelRegistry.DefaultPath() : modelsPath);
        TextWriter progress = asJson ? Console.Error : Console.Out;
        ModelTrainingSettings settings = new()
        {
            Quick = quick,
            Seed = seed,
            Device = resolved,
            Threads = threads,
            Log = line => progress.WriteLine(line),
        };
        List<ModelCard> cards = [];
        foreach (IBuiltInModel model in chosen)
        {
            progress.WriteLine($"training {model.Name} ({settings.RecipeName} recipe{(quick ? "" : $", about {model.FullRecipeTime}")}) into {registry.FolderOf(model.Name)}");
            cards.Add(registry.Train(model, settings));
        }

        if (asJson)
        {
            JsonArray array = [.. cards.Select(c => JsonSerializer.SerializeToNode(c, Json))];
            Console.WriteLine(array.ToJsonString(Json));
        }
        else
        {
            Console.WriteLine(Table(cards));
        }

        return 0;
    }

    /// <summary>One block per model: name, kind, recipe, time, device, then its held-out metrics.</summary>
    static string Table(IEnumerable<ModelCard> cards)
    {
        var text = new StringBuilder();
        foreach (ModelCard card in cards)
        {
            text.Append(CultureInfo.InvariantCulture, $"{card.Name,-16} {card.Kind,-10} {card.Recipe,-6} {card.TrainingSeconds,8:F1} s  {card.Device}\n");
            foreach ((string metric, double value) in card.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {metric,-52} {value,12:G5}\n");
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    static string ResolveDevice(string device)
    {
        if (!TorchLibrary.IsAvailable(out string reason))
        {
            throw new CliError($"the libtorch shim is not available: {reason}", CliError.Unavailable);
        }

        try
        {
            return TorchRuntime.ResolveDevice(device.Trim().ToLowerInvariant());
        }
        catch (TorchException ex)
        {
            throw new CliError($"--device {device}: {ex.Message}");
        }
    }
}
