using System.Text.Json;
using AutoLab.Analysis.Torch;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// <c>autolab bench analysis --quick --json</c> runs every part (CNN training beside PyTorch, NMF beside
/// scikit-learn, inference latency, held-out accuracy) through the real CLI and prints one JSON object whose
/// figures are all present and finite; asking for CUDA where libtorch sees none fails with exit 2 and says why.
/// </summary>
public sealed class AnalysisBenchCommandTests
{
    // The quick sizes take about 40 s on an idle two-core machine; the limit leaves room for a loaded one.
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    static readonly string[] CnnFigures = ["autoLabSamplesPerSecond", "autoLabFinalLoss", "parameterCount"];
    static readonly string[] PeerCnnFigures = ["pyTorchSamplesPerSecond", "pyTorchFinalLoss", "ratio"];
    static readonly string[] NmfFigures = ["seconds", "reconstructionError", "minimumBasisCosine"];
    static readonly string[] InferenceFigures = ["singleMicroseconds", "batchPatternsPerSecond", "ensembleSingleMicroseconds", "ensembleBatchPatternsPerSecond"];
    static readonly string[] AccuracyFigures =
    [
        "singlePhaseTopOne", "twoPhaseFractionMae", "threePhaseFractionMae", "singlePhaseEce", "mixturePresenceEce",
        "sasAccuracy", "nmfSelectedRank", "nmfMinimumBasisCosine", "nmfMeanBasisCosine",
    ];

    [Fact]
    public async Task The_quick_analysis_benchmark_prints_every_figure_as_a_finite_number()
    {
        AutoLabCommand.Result run = await AutoLabCommand.RunAsync(["bench", "analysis", "--quick", "--json", "--threads", "1"], Limit);

        Assert.True(run.ExitCode == 0, run.ToString());
        using JsonDocument document = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]);
        JsonElement root = document.RootElement;
        AssertFinite(root, "", run);
        JsonElement cnn = root.GetProperty("cnn_training");
        AssertPositive(cnn, CnnFigures);
        if (cnn.GetProperty("peerNote").ValueKind == JsonValueKind.Null)
        {
            AssertPositive(cnn, PeerCnnFigures);
        }

        JsonElement nmf = root.GetProperty("nmf");
        AssertPositive(nmf.GetProperty("autoLab"), NmfFigures);
        if (nmf.GetProperty("peerNote").ValueKind == JsonValueKind.Null)
        {
            AssertPositive(nmf.GetProperty("scikitLearn"), ["seconds", "reconstructionError"]);
            AssertPositive(nmf, ["speedUp", "errorRatio"]);
        }

        AssertPositive(root.GetProperty("inference"), InferenceFigures);
        JsonElement accuracy = root.GetProperty("accuracy");
        AssertPositive(accuracy, AccuracyFigures);
        Assert.InRange(accuracy.GetProperty("singlePhaseTopOne").GetDouble(), 0.0, 1.0);
        Assert.InRange(accuracy.GetProperty("sasAccuracy").GetDouble(), 0.0, 1.0);
        Assert.True(accuracy.GetProperty("nmfSelectedRank").GetInt32() == 3, $"NMFk should find the ternary library's three phases: {accuracy}");
    }

    [Fact]
    public async Task Asking_for_cuda_without_a_gpu_fails_with_exit_2_and_a_clear_message()
    {
        if (TorchLibrary.IsAvailable(out _) && TorchRuntime.CudaDeviceCount > 0)
        {
            // On a GPU machine --device cuda is valid and measures; the contract checked here is the CPU machine's.
            return;
        }

        AutoLabCommand.Result run = await AutoLabCommand.RunAsync(["bench", "analysis", "--quick", "--device", "cuda"], TimeSpan.FromMinutes(1));

        if (!TorchLibrary.IsAvailable(out _))
        {
            Assert.True(run.ExitCode == 3, run.ToString());
            return;
        }

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no CUDA device", run.Error, StringComparison.Ordinal);
    }

    static void AssertFinite(JsonElement element, string path, AutoLabCommand.Result run)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    AssertFinite(property.Value, $"{path}.{property.Name}", run);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    AssertFinite(item, $"{path}[{i++}]", run);
                }

                break;
            case JsonValueKind.Number:
                Assert.True(double.IsFinite(element.GetDouble()), $"{path} is not finite\n{run}");
                break;
            case JsonValueKind.String:
                // Named literals are how System.Text.Json writes NaN and infinities.
                string text = element.GetString() ?? string.Empty;
                Assert.False(text is "NaN" or "Infinity" or "-Infinity", $"{path} is {text}\n{run}");
                break;
        }
    }

    static void AssertPositive(JsonElement owner, IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            Assert.True(owner.TryGetProperty(name, out JsonElement value), $"missing {name} in {owner}");
            Assert.True(value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0.0, $"{name} should be a positive number, got {value}");
        }
    }
}
