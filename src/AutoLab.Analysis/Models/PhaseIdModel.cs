using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Models;

/// <summary>"phase-id": identifies the phases and their fractions in the measurement's powder pattern with a registry model.</summary>
/// <remarks>
/// <para>Reads the data with key <c>key</c> (default "pattern": the diffractometer's 2θ in degrees against counts),
/// refuses NaN or negative counts naming the file and index, preprocesses it onto the model's grid
/// (<see cref="PatternPreprocessor"/>) and runs the deep ensemble (<see cref="PhaseIdentifier"/>). A model trained
/// with the exposure channel also reads the counting time per point from the <c>count_time_s</c> reading.</para>
/// <para>Objectives: <c>top_phase_confidence</c>, <c>top_phase_index</c> (index into the model's phases),
/// <c>presence_P</c> and <c>fraction_P</c> for every phase P (names in lower case, other characters as '_', e.g.
/// <c>fraction_gamma_ni_fe</c>). Uncertainties: the ensemble members' spread of each presence and fraction.
/// Diagnostics: <c>phases_present</c> (presence ≥ 0.5) and the spreads per phase.</para>
/// <para>Options: <c>model</c> (registry name, default <see cref="XrdPhaseBuiltIn.ModelName"/>), <c>key</c>,
/// <c>registry</c> (the registry folder to load <c>model</c> from, default the analysis service's
/// <see cref="RegistryModelCache.Registry"/>; a relative path is taken from the analysis process's working directory),
/// <c>train</c> (full, quick or never: what to do when the model is a missing built-in), <c>map</c>
/// ("objective=output" renames, as for <see cref="ReadingsModel"/>).</para>
/// </remarks>
public sealed class PhaseIdModel(RegistryModelCache models) : IAnalysisModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "phase-id";

    /// <summary>The reading that gives the counting time per point (s), read by models with an exposure channel.</summary>
    public const string CountTimeReading = "count_time_s";

    /// <summary>The data key read by default: the diffractometer's pattern.</summary>
    public const string DefaultKey = "pattern";

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options)
    {
        ModelOptions read = new(Name, options, "model", "registry", "key", "train", "map");
        string modelName = read.GetString("model") ?? XrdPhaseBuiltIn.ModelName;
        MeasuredArray pattern = DataFiles.ReadArray(input, read.GetString("key") ?? DefaultKey);
        pattern.RequireCounts("counts", PatternPreprocessor.MinimumPoints);
        SharedModel<PhaseIdentifier> shared = models.PhaseIdentifier(modelName, StageOutputs.Policy(read), read.GetString("registry"));

        PatternPreprocessor preprocessor = shared.Use(identifier => identifier.Preprocessor);
        float[] features = new float[preprocessor.InputWidth];
        try
        {
            double countTime = preprocessor.ExposureChannel ? CountTime(input, pattern.Path, modelName) : 1.0;
            preprocessor.Process(new PowderPattern(pattern.Axis, pattern.Values, countTime), features);
        }
        catch (ArgumentException ex)
        {
            throw new AnalysisException($"{pattern.Path}: {ex.Message}", ex);
        }

        PhasePrediction prediction = shared.Use(identifier => identifier.PredictPreprocessed(features, 1)[0]);
        Dictionary<string, double> objectives = new(StringComparer.Ordinal)
        {
            ["top_phase_confidence"] = prediction.Confidence,
            ["top_phase_index"] = prediction.TopPhase,
        };
        Dictionary<string, double> uncertainties = new(StringComparer.Ordinal)
        {
            ["top_phase_confidence"] = prediction.PresenceSpread[prediction.TopPhase],
        };
        Dictionary<string, double> diagnostics = new(StringComparer.Ordinal)
        {
            ["phases_present"] = prediction.Presence.Count(p => p >= EnsembleCombiner.PresenceCut),
        };
        for (int k = 0; k < prediction.PhaseNames.Count; k++)
        {
            string slug = StageOutputs.Slug(prediction.PhaseNames[k]);
            objectives[$"presence_{slug}"] = prediction.Presence[k];
            objectives[$"fraction_{slug}"] = prediction.Fractions[k];
            uncertainties[$"presence_{slug}"] = prediction.PresenceSpread[k];
            uncertainties[$"fraction_{slug}"] = prediction.FractionSpread[k];
            diagnostics[$"presence_spread_{slug}"] = prediction.PresenceSpread[k];
            diagnostics[$"fraction_spread_{slug}"] = prediction.FractionSpread[k];
        }

        StageOutputs.ApplyMap(read.GetString("map"), objectives, uncertainties);
        return new AnalysisResult { Objectives = objectives, Uncertainties = uncertainties, Diagnostics = diagnostics };
    }

    // A model with the exposure channel reads each point's counting time, which for one scan is the reading; other
    // models ignore the scale (it drops out in preprocessing), so they need no reading.
    private static double CountTime(AnalysisInput input, string path, string modelName) =>
        input.Readings.TryGetValue(CountTimeReading, out double seconds) && seconds > 0 && double.IsFinite(seconds)
            ? seconds
            : throw new AnalysisException($"{path}: model '{modelName}' reads each point's counting time, but the measurement has no positive '{CountTimeReading}' reading");
}
