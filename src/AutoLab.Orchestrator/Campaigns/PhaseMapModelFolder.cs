using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Registry;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// The phase-mapping benchmark's identifier saved into a temporary model registry, so the engine's <c>phase-id</c>
/// stage (option <c>registry</c>) runs exactly the model the benchmark scores the grids with.
/// </summary>
/// <remarks>
/// The identifier is saved even when it came from <c>$AUTOLAB_MODELS</c>: the spec then names a folder this benchmark
/// owns rather than whatever the environment points at when the analysis first loads it, and the quick and
/// fallback models, which no registry holds, go the same way. Disposing deletes the folder.
/// </remarks>
public sealed class PhaseMapModelFolder : IDisposable
{
    /// <summary>The name the identifier is saved under: not a built-in's, so a stage can never train something else in its place.</summary>
    public const string ModelName = "phase-map-bench";

    private PhaseMapModelFolder(string registry) => Registry = registry;

    /// <summary>The registry folder (absolute) holding <see cref="ModelName"/>.</summary>
    public string Registry { get; }

    /// <summary>Saves an identifier into a new temporary registry.</summary>
    /// <param name="identifier">The identifier (not owned).</param>
    /// <param name="source">Where it came from ("quick", "trained" or "registry"), recorded as the card's recipe.</param>
    /// <returns>The folder; dispose it to delete it.</returns>
    public static PhaseMapModelFolder Save(PhaseIdentifier identifier, string source)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var folder = new PhaseMapModelFolder(Path.Combine(Path.GetTempPath(), $"autolab-phase-map-models-{Guid.NewGuid():N}"));
        try
        {
            var card = new ModelCard
            {
                Name = ModelName,
                Kind = ModelKinds.PhaseIdentifier,
                Description = "the phase-mapping benchmark's identifier, saved for the engine's phase-id stage",
                Recipe = source,
            };
            new ModelRegistry(folder.Registry).Add(card, identifier.Save);
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Registry))
            {
                Directory.Delete(Registry, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover folder in the temporary directory is harmless; the figure is already computed.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
