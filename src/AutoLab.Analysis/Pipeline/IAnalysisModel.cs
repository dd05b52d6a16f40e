namespace AutoLab.Analysis.Pipeline;

/// <summary>One stage of an analysis pipeline: turns a measurement, and what earlier stages made of it, into outputs.</summary>
/// <remarks>
/// Models are stateless and shared between concurrent analyses: everything a call needs comes in through
/// <see cref="AnalysisInput"/> and the stage's options. <seealso cref="AnalysisModelRegistry"/>
/// <seealso cref="AnalysisPipeline"/>
/// </remarks>
public interface IAnalysisModel
{
    /// <summary>Name campaign specs use in their pipeline, e.g. "readings"; matched case-insensitively.</summary>
    string Name { get; }

    /// <summary>Applies the model.</summary>
    /// <param name="input">The measurement, the objectives wanted, and the outputs of earlier stages.</param>
    /// <param name="options">The stage's options from the campaign spec.</param>
    /// <returns>This stage's outputs; they are merged over the earlier stages' (same names replace).</returns>
    /// <exception cref="AnalysisException">The input or options cannot give valid outputs; the message says what and where.</exception>
    AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options);
}
