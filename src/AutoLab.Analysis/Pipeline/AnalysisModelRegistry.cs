using AutoLab.Analysis.Models;

namespace AutoLab.Analysis.Pipeline;

/// <summary>The analysis models this service knows, by name (case-insensitive).</summary>
public sealed class AnalysisModelRegistry
{
    private readonly Dictionary<string, IAnalysisModel> byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the registry.</summary>
    /// <param name="models">The models; names must be unique regardless of case.</param>
    /// <exception cref="ArgumentException">Two models share a name.</exception>
    public AnalysisModelRegistry(IEnumerable<IAnalysisModel> models)
    {
        foreach (IAnalysisModel model in models)
        {
            if (!byName.TryAdd(model.Name, model))
            {
                throw new ArgumentException($"two analysis models are named '{model.Name}'", nameof(models));
            }
        }

        Names = [.. byName.Keys.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// A registry of the built-in stages: readings, scale, and the registry-model stages phase-id, sas-model and adaptive-xrd over
    /// the default model folder (<see cref="Registry.ModelRegistry.DefaultPath"/>).
    /// </summary>
    /// <returns>A new registry.</returns>
    /// <remarks>Nothing is loaded until a registry-model stage first runs, so listing names stays cheap.</remarks>
    public static AnalysisModelRegistry CreateDefault() =>
        CreateDefault(new RegistryModelCache(new Registry.ModelRegistry(Registry.ModelRegistry.DefaultPath())));

    /// <summary>A registry of the built-in stages whose registry-model stages load through <paramref name="models"/>.</summary>
    /// <param name="models">The shared model cache.</param>
    /// <returns>A new registry.</returns>
    public static AnalysisModelRegistry CreateDefault(RegistryModelCache models) =>
        new([new ReadingsModel(), new ScaleModel(), new PhaseIdModel(models), new SasModelStage(models), new AdaptiveXrdStage(models)]);

    /// <summary>The model with a name.</summary>
    /// <param name="name">Model name, any case.</param>
    /// <returns>The model.</returns>
    /// <exception cref="AnalysisException">No model has that name; the message lists the known names.</exception>
    public IAnalysisModel Get(string? name) =>
        name is not null && byName.TryGetValue(name.Trim(), out IAnalysisModel? model)
            ? model
            : throw new AnalysisException($"unknown analysis model '{name}'; known models: {string.Join(", ", Names)}");

    /// <summary>Whether a model with this name is registered.</summary>
    /// <param name="name">Model name, any case.</param>
    /// <returns>True when known.</returns>
    public bool Contains(string name) => byName.ContainsKey(name.Trim());
}
