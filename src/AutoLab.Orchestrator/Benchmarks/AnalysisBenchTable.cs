using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Formats the JSON figures of <c>autolab bench analysis</c> as a plain-text table for a terminal.</summary>
public static class AnalysisBenchTable
{
    /// <summary>One line per figure: what, AutoLab, the peer (or second figure), their ratio, the target.</summary>
    /// <param name="figures">The object the command prints with --json.</param>
    /// <returns>The table, ending without a newline.</returns>
    public static string Format(JsonObject figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"device {figures["device"]}, {figures["threads"]} threads, {figures["repeats"]} repeats, {figures["machine"]}, {figures["libtorch"]}");
        Row(text, "figure", "autolab", "peer", "ratio", "target");
        if (figures["cnn_training"] is JsonObject cnn)
        {
            Row(text, $"CNN training, samples/s ({cnn["patterns"]} x {cnn["epochs"]} ep)", N(cnn["autoLabSamplesPerSecond"]), N(cnn["pyTorchSamplesPerSecond"]), N(cnn["ratio"], "F2"), ">= 0.9");
            Note(text, cnn["peerNote"]);
        }

        if (figures["nmf"] is JsonObject nmf)
        {
            string size = $"{nmf["rows"]}x{nmf["cols"]} r{nmf["rank"]}";
            Row(text, $"NMF {size}, s", N(nmf["autoLab"]?["seconds"], "F3"), N(nmf["scikitLearn"]?["seconds"], "F3"), N(nmf["speedUp"], "F2"), "> 1 (faster)");
            Row(text, $"NMF {size}, ||X-WH||", N(nmf["autoLab"]?["reconstructionError"], "F2"), N(nmf["scikitLearn"]?["reconstructionError"], "F2"), N(nmf["errorRatio"], "F5"), "<= 1");
            if (nmf["autoLabTight"] is JsonObject tight)
            {
                Row(text, "NMF tol 1e-5, s", N(tight["seconds"], "F3"), "", N(nmf["tightSpeedUp"], "F2"), "> 1");
                Row(text, "NMF tol 1e-5, ||X-WH||", N(tight["reconstructionError"], "F2"), "", N(nmf["tightErrorRatio"], "F5"), "<= 1");
            }

            Note(text, nmf["peerNote"]);
        }

        if (figures["inference"] is JsonObject inference)
        {
            Row(text, "inference, 1 pattern, us (CNN | ensemble)", N(inference["singleMicroseconds"], "F0"), N(inference["ensembleSingleMicroseconds"], "F0"), "", $"{inference["ensembleSize"]} members");
            Row(text, $"inference, batch {inference["batchSize"]}, patterns/s", N(inference["batchPatternsPerSecond"]), N(inference["ensembleBatchPatternsPerSecond"]), "", "");
        }

        if (figures["accuracy"] is JsonObject accuracy)
        {
            Row(text, "single-phase top-1", N(accuracy["singlePhaseTopOne"], "F3"), "", "", ">= 0.97");
            Row(text, "fraction MAE, 2 | 3 phases", N(accuracy["twoPhaseFractionMae"], "F3"), N(accuracy["threePhaseFractionMae"], "F3"), "", "<= 0.05");
            Row(text, "ECE single-phase | mixture presence", N(accuracy["singlePhaseEce"], "F3"), N(accuracy["mixturePresenceEce"], "F3"), "", "<= 0.05");
            Row(text, "SAS model selection", N(accuracy["sasAccuracy"], "F3"), "", "", ">= 0.95");
            Row(text, "NMF basis cosine (min | mean)", N(accuracy["nmfMinimumBasisCosine"], "F3"), N(accuracy["nmfMeanBasisCosine"], "F3"), "", ">= 0.95");
            Row(text, "NMFk rank (selected | true)", $"{accuracy["nmfSelectedRank"]}", $"{accuracy["nmfTrueRank"]}", "", "equal");
        }

        text.Append(CultureInfo.InvariantCulture, $"total {figures["seconds"]} s");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string what, string ours, string peer, string ratio, string target) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{what,-46} {ours,12} {peer,12} {ratio,9}  {target}");

    private static void Note(StringBuilder text, JsonNode? note)
    {
        if (note is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {note}");
        }
    }

    private static string N(JsonNode? value, string format = "F0") =>
        value is JsonValue number && number.TryGetValue(out double x) ? x.ToString(format, CultureInfo.InvariantCulture) : "-";
}
