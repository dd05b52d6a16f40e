using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AutoLab.Analysis.Torch;
using AutoLab.Orchestrator.Benchmarks;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab bench analysis [--json] [--device cpu|cuda|auto] [--quick]</c>: CNN training against PyTorch,
/// NMF against scikit-learn, inference latency and held-out accuracy, in one run (issue 5).
/// </summary>
/// <remarks>
/// Both sides of every comparison get the same thread count: libtorch and OpenBLAS through
/// <see cref="TorchRuntime.SetThreads"/>, the peers through <c>--threads</c> and the thread variables.
/// <seealso cref="AnalysisBenchmark"/>
/// </remarks>
public static class AnalysisBenchCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    static readonly string[] Parts = ["cnn", "nmf", "inference", "accuracy"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object (progress goes to stderr)." };
        var device = new Option<string>("--device") { Description = "cpu, cuda (fails with exit 2 where libtorch sees no GPU) or auto.", DefaultValueFactory = _ => "cpu" };
        var quick = new Option<bool>("--quick") { Description = "Small sizes: the same steps in well under a minute (figures are a smoke test)." };
        var threads = new Option<int>("--threads") { Description = "Threads for AutoLab and every peer (default: AUTOLAB_TORCH_THREADS or the core count)." };
        var repeats = new Option<int>("--repeats") { Description = "Interleaved repeats of each timed comparison; medians are reported.", DefaultValueFactory = _ => 3 };
        var only = new Option<string[]>("--only") { Description = "Run only these parts: cnn, nmf, inference, accuracy (default: all).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("analysis", "CNN training vs PyTorch, NMF vs scikit-learn, inference latency, held-out accuracy.")
        {
            json, device, quick, threads, repeats, only,
        };
        command.SetAction(parse => CliAction.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(json), parse.GetValue(device) ?? "cpu", parse.GetValue(quick), parse.GetValue(threads), parse.GetValue(repeats), parse.GetValue(only) ?? []))));
        return command;
    }

    static int Run(bool asJson, string device, bool quick, int threads, int repeats, string[] only)
    {
        string[] unknown = [.. only.Where(p => !Parts.Contains(p, StringComparer.OrdinalIgnoreCase))];
        if (unknown.Length > 0)
        {
            throw new CliError($"--only: unknown part(s) {string.Join(", ", unknown)}; parts are {string.Join(", ", Parts)}");
        }

        if (repeats < 1 || threads < 0)
        {
            throw new CliError($"--repeats must be >= 1 and --threads >= 0 (0: the default), got {repeats} and {threads}");
        }

        string resolved = ResolveDevice(device);
        AnalysisBenchSettings settings = (quick ? AnalysisBenchSettings.Quick : AnalysisBenchSettings.Full) with
        {
            Threads = threads > 0 ? threads : DefaultThreads(),
            Device = resolved,
            Repeats = repeats,
        };
        bool Runs(string part) => only.Length == 0 || only.Contains(part, StringComparer.OrdinalIgnoreCase);
        void Progress(string message) => (asJson ? Console.Error : Console.Out).WriteLine(message);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var figures = new JsonObject
        {
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            ["libtorch"] = TorchRuntime.Version,
            ["device"] = resolved,
            ["threads"] = settings.Threads,
            ["repeats"] = settings.Repeats,
            ["quick"] = quick,
        };
        if (Runs("cnn") || Runs("inference"))
        {
            int patterns = Math.Max(settings.CnnPatterns, settings.InferenceBatch);
            Progress($"generating {patterns} XRD patterns");
            var data = AnalysisBenchmark.Patterns(patterns, 5);
            if (Runs("cnn"))
            {
                figures["cnn_training"] = JsonSerializer.SerializeToNode(AnalysisBenchmark.CompareCnnTraining(settings, data, Progress), Json);
            }

            if (Runs("inference"))
            {
                Progress("inference latency");
                figures["inference"] = JsonSerializer.SerializeToNode(AnalysisInferenceBenchmark.Measure(settings, data), Json);
            }
        }

        if (Runs("nmf"))
        {
            figures["nmf"] = JsonSerializer.SerializeToNode(AnalysisBenchmark.CompareNmf(settings, Progress), Json);
        }

        if (Runs("accuracy"))
        {
            figures["accuracy"] = JsonSerializer.SerializeToNode(AnalysisAccuracyBenchmark.Run(settings, Progress), Json);
        }

        figures["seconds"] = Math.Round(started.Elapsed.TotalSeconds, 1);
        if (asJson)
        {
            Console.WriteLine(figures.ToJsonString());
        }
        else
        {
            Console.WriteLine(AnalysisBenchTable.Format(figures));
        }

        return 0;
    }

    static string ResolveDevice(string device)
    {
        string name = device.Trim().ToLowerInvariant();
        bool cuda = name == "cuda" || name.StartsWith("cuda:", StringComparison.Ordinal);
        if (name != "cpu" && name != "auto" && !cuda)
        {
            throw new CliError($"--device must be cpu, cuda, cuda:N or auto, not '{device}'");
        }

        if (!TorchLibrary.IsAvailable(out string reason))
        {
            throw new CliError($"the libtorch shim is not available: {reason}", CliError.Unavailable);
        }

        if (cuda && TorchRuntime.CudaDeviceCount == 0)
        {
            throw new CliError($"--device {device}: libtorch sees no CUDA device here ({TorchRuntime.Version}); run with --device cpu or auto, or on a GPU machine with the shim built against a CUDA libtorch (docs/analysis.md)");
        }

        return TorchRuntime.ResolveDevice(name);
    }

    static int DefaultThreads()
    {
        string? value = Environment.GetEnvironmentVariable("AUTOLAB_TORCH_THREADS");
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int threads) && threads >= 1 ? threads : Environment.ProcessorCount;
    }
}
