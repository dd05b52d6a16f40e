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

    /// <summary>A registry of the built-in models: readings and scale.</summary>
    /// <returns>A new registry.</returns>
    public static AnalysisModelRegistry CreateDefault() => new([new ReadingsModel(), new ScaleModel()]);

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
