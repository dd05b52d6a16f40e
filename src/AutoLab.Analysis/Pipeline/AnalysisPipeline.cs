using AutoLab.Contracts.Analysis;

namespace AutoLab.Analysis.Pipeline;

/// <summary>
/// Runs a campaign's analysis pipeline: each stage in order, each seeing the merged outputs of the stages
/// before it, then checks that every objective asked for is there and every number is finite.
/// </summary>
/// <remarks>
/// An empty pipeline means a single <c>readings</c> stage with default options: objectives are read
/// straight from the measurement. Errors name the stage ("stage 2 ('scale'): …") so a campaign author can
/// find the line of the spec at fault. <seealso cref="IAnalysisModel"/>
/// </remarks>
public sealed class AnalysisPipeline(AnalysisModelRegistry models)
{
    /// <summary>The stage used when a command's pipeline is empty.</summary>
    public static AnalysisStage DefaultStage { get; } = new() { Model = Models.ReadingsModel.ModelName };

    /// <summary>Runs the command's pipeline on its measurement.</summary>
    /// <param name="command">The command as received.</param>
    /// <returns>The merged outputs of all stages.</returns>
    /// <exception cref="AnalysisException">Bad input, configuration or output; not worth retrying.</exception>
    /// <exception cref="InvalidOperationException">A model failed unexpectedly; the inner exception is its error.</exception>
    public AnalysisResult Run(AnalyzeMeasurement command)
    {
        IReadOnlyList<AnalysisStage> stages = command.Pipeline is { Count: > 0 } pipeline ? pipeline : [DefaultStage];
        return Run(stages, AnalysisInput.FromCommand(command));
    }

    /// <summary>Runs stages on an input.</summary>
    /// <param name="stages">The stages, in order.</param>
    /// <param name="input">The measurement and the objectives wanted; its <see cref="AnalysisInput.Previous"/> seeds the merge.</param>
    /// <returns>The merged outputs of all stages.</returns>
    /// <exception cref="AnalysisException">Bad input, configuration or output; not worth retrying.</exception>
    /// <exception cref="InvalidOperationException">A model failed unexpectedly; the inner exception is its error.</exception>
    public AnalysisResult Run(IReadOnlyList<AnalysisStage> stages, AnalysisInput input)
    {
        AnalysisResult merged = input.Previous;
        for (int i = 0; i < stages.Count; i++)
        {
            string where = $"stage {i + 1} ('{stages[i]?.Model}')";
            AnalysisResult output;
            try
            {
                IAnalysisModel model = models.Get(stages[i]?.Model);
                output = model.Apply(input with { Previous = merged }, stages[i].Options ?? new Dictionary<string, string>());
            }
            catch (AnalysisException ex)
            {
                throw new AnalysisException($"{where}: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new InvalidOperationException($"{where} failed: {ex.Message}", ex);
            }

            merged = Merge(merged, output);
        }

        ResultCheck.Ensure(merged, input);
        return merged;
    }

    private static AnalysisResult Merge(AnalysisResult earlier, AnalysisResult later) => new()
    {
        Objectives = Overlay(earlier.Objectives, later.Objectives),
        Uncertainties = Overlay(earlier.Uncertainties, later.Uncertainties),
        Diagnostics = Overlay(earlier.Diagnostics, later.Diagnostics),
        Data = [.. earlier.Data, .. later.Data],
    };

    private static Dictionary<string, double> Overlay(IReadOnlyDictionary<string, double> earlier, IReadOnlyDictionary<string, double> later)
    {
        Dictionary<string, double> merged = new(earlier, StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> pair in later)
        {
            merged[pair.Key] = pair.Value;
        }

        return merged;
    }
}
