using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Registry;

/// <summary>
/// Trained models in a folder, one subfolder per model holding <c>card.json</c> (<see cref="ModelCard"/>) beside the
/// model's own files; loaded by name, trained on demand for the <see cref="BuiltInModels"/>.
/// </summary>
/// <remarks>
/// <para>A model is written into a hidden temporary folder and renamed into place only when complete, so a reader
/// never sees half a model and two processes that train the same model at once both end with a whole one (the
/// second rename finds the folder taken and keeps the first, unless it was asked to replace it).</para>
/// <para>Errors (<see cref="ModelRegistryException"/>) name the registry folder and the models it holds.</para>
/// </remarks>
public sealed class ModelRegistry
{
    /// <summary>Name of the card inside a model's folder.</summary>
    public const string CardFileName = "card.json";

    /// <summary>Environment variable that overrides <see cref="DefaultPath"/>; <c>./autolab</c> sets it to the checkout's.</summary>
    public const string EnvironmentVariable = "AUTOLAB_MODELS";

    // One lock per model folder in this process, so two analyses that both find a built-in missing train it once.
    private static readonly ConcurrentDictionary<string, object> TrainingLocks = new(StringComparer.Ordinal);

    /// <summary>Opens a registry; the folder is created when the first model is added.</summary>
    /// <param name="root">The registry folder.</param>
    /// <exception cref="ArgumentException">The path is blank.</exception>
    public ModelRegistry(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The registry folder (absolute).</summary>
    public string Root { get; }

    /// <summary>The registry folder used when none is given: <c>$AUTOLAB_MODELS</c>, else <c>.autolab/models</c> under the current directory.</summary>
    /// <returns>An absolute path.</returns>
    public static string DefaultPath()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Directory.GetCurrentDirectory(), ".autolab", "models")
            : configured);
    }

    /// <summary>The folder of a model (whether or not it exists).</summary>
    /// <param name="name">Model name: letters, digits, '.', '-' and '_', not starting with '.'.</param>
    /// <returns>The absolute folder.</returns>
    /// <exception cref="ModelRegistryException">The name could escape the registry folder.</exception>
    public string FolderOf(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name[0] == '.' || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ModelRegistryException($"'{name}' is not a model name: use letters, digits, '.', '-' and '_', not starting with '.'");
        }

        return Path.Combine(Root, name);
    }

    /// <summary>Names of the models present (folders with a card), sorted.</summary>
    /// <returns>The names; empty when the folder does not exist.</returns>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => n.Length > 0 && n[0] != '.' && File.Exists(Path.Combine(Root, n, CardFileName)))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The cards of every model present, sorted by name.</summary>
    /// <returns>The cards.</returns>
    /// <exception cref="ModelRegistryException">A card is malformed; the message names its file.</exception>
    public IReadOnlyList<ModelCard> List() => [.. Names().Select(GetCard)];

    /// <summary>Whether a model with a card is present.</summary>
    /// <param name="name">Model name.</param>
    /// <returns>True when its card exists.</returns>
    public bool Contains(string name) => File.Exists(Path.Combine(FolderOf(name), CardFileName));

    /// <summary>A model's card.</summary>
    /// <param name="name">Model name.</param>
    /// <returns>The card.</returns>
    /// <exception cref="ModelRegistryException">The model is missing (the message lists the models present and the built-ins) or its card is malformed.</exception>
    public ModelCard GetCard(string name)
    {
        string path = Path.Combine(FolderOf(name), CardFileName);
        if (!File.Exists(path))
        {
            throw new ModelRegistryException(MissingMessage(name));
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), CardJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ModelRegistryException($"the card of model '{name}' ({path}) is malformed: {ex.Message}", ex);
        }

        if (card is null || string.IsNullOrWhiteSpace(card.Kind))
        {
            throw new ModelRegistryException($"the card of model '{name}' ({path}) is malformed: it has no kind");
        }

        if (card.Format != ModelCard.CurrentFormat)
        {
            throw new ModelRegistryException($"the card of model '{name}' ({path}) has format {card.Format}; this version reads format {ModelCard.CurrentFormat}");
        }

        return card with { Name = name };
    }

    /// <summary>Loads a phase identifier (<see cref="ModelKinds.PhaseIdentifier"/>).</summary>
    /// <param name="name">Model name.</param>
    /// <param name="device">Device to run it on.</param>
    /// <returns>The identifier; the caller disposes it.</returns>
    /// <exception cref="ModelRegistryException">Missing, of another kind, or unreadable.</exception>
    public PhaseIdentifier LoadPhaseIdentifier(string name, string device = "cpu") =>
        Load(name, ModelKinds.PhaseIdentifier, folder => PhaseIdentifier.Load(folder, device));

    /// <summary>Loads a SAS model selector (<see cref="ModelKinds.SasModelSelector"/>).</summary>
    /// <param name="name">Model name.</param>
    /// <param name="device">Device to run it on.</param>
    /// <returns>The selector; the caller disposes it.</returns>
    /// <exception cref="ModelRegistryException">Missing, of another kind, or unreadable.</exception>
    public SasModelSelector LoadSasModelSelector(string name, string device = "cpu") =>
        Load(name, ModelKinds.SasModelSelector, folder => SasModelSelector.Load(folder, device));

    /// <summary>Loads a beam-size regressor (<see cref="ModelKinds.BeamSizeRegressor"/>).</summary>
    /// <param name="name">Model name.</param>
    /// <param name="device">Device to run it on.</param>
    /// <returns>The regressor; the caller disposes it.</returns>
    /// <exception cref="ModelRegistryException">Missing, of another kind, or unreadable.</exception>
    public BeamSizeRegressor LoadBeamSizeRegressor(string name, string device = "cpu") =>
        Load(name, ModelKinds.BeamSizeRegressor, folder => BeamSizeRegressor.Load(folder, device));

    /// <summary>Adds a model: its files are written into a temporary folder, then the folder is renamed into place.</summary>
    /// <param name="card">The card; its name is the model's.</param>
    /// <param name="writeFiles">Writes the model's own files into the folder it is given.</param>
    /// <param name="replace">Replace a model of the same name; when false and one appears first, that one is kept.</param>
    /// <returns>The card of the model now in place.</returns>
    public ModelCard Add(ModelCard card, Action<string> writeFiles, bool replace = false) =>
        Add(card.Name, folder =>
        {
            writeFiles(folder);
            return card;
        }, replace);

    /// <summary>Adds a model whose card is known only once its files are written (e.g. after training).</summary>
    /// <param name="name">Model name.</param>
    /// <param name="write">Writes the model's files into the folder it is given and returns the card.</param>
    /// <param name="replace">Replace a model of the same name; when false and one appears first, that one is kept.</param>
    /// <returns>The card of the model now in place.</returns>
    public ModelCard Add(string name, Func<string, ModelCard> write, bool replace = false)
    {
        string final = FolderOf(name);
        Directory.CreateDirectory(Root);
        string temporary = Path.Combine(Root, $".tmp-{name}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temporary);
            ModelCard card = write(temporary) with { Name = name };
            File.WriteAllText(Path.Combine(temporary, CardFileName), JsonSerializer.Serialize(card, CardJson.Options));
            Commit(temporary, final, replace);
        }
        finally
        {
            DeleteQuietly(temporary);
        }

        return GetCard(name);
    }

    /// <summary>Trains a built-in model, evaluates it, and adds it.</summary>
    /// <param name="model">The built-in.</param>
    /// <param name="settings">Recipe, seed, device, threads.</param>
    /// <param name="replace">Replace a model already present (what <c>autolab train</c> does).</param>
    /// <returns>The card of the model now in place.</returns>
    public ModelCard Train(IBuiltInModel model, ModelTrainingSettings settings, bool replace = true)
    {
        Stopwatch clock = Stopwatch.StartNew();
        return Add(model.Name, folder =>
        {
            ModelCard trained = model.Train(settings, folder);
            return trained with
            {
                Kind = model.Kind,
                Description = trained.Description.Length > 0 ? trained.Description : model.Description,
                Recipe = settings.RecipeName,
                Seed = settings.Seed,
                CreatedUtc = DateTimeOffset.UtcNow,
                ShimVersion = ShimVersion(),
                TrainingSeconds = clock.Elapsed.TotalSeconds,
            };
        }, replace);
    }

    /// <summary>The card of a model, training it first when it is a missing built-in, so a campaign runs on a fresh machine.</summary>
    /// <param name="name">Model name.</param>
    /// <param name="log">Told when training starts (with the expected time) and ends (with the time taken); may be null.</param>
    /// <param name="settings">How to train a missing built-in; the full recipe with the default seed on the CPU when null.</param>
    /// <returns>The card.</returns>
    /// <exception cref="ModelRegistryException">The model is missing and is not a built-in.</exception>
    public ModelCard GetOrTrain(string name, Action<string>? log = null, ModelTrainingSettings? settings = null)
    {
        string folder = FolderOf(name);
        if (Contains(name))
        {
            return GetCard(name);
        }

        IBuiltInModel model = BuiltInModels.Find(name) ?? throw new ModelRegistryException(MissingMessage(name));
        lock (TrainingLocks.GetOrAdd(folder, _ => new object()))
        {
            if (Contains(name))
            {
                return GetCard(name);
            }

            settings ??= new ModelTrainingSettings();
            string expected = settings.Quick ? "seconds" : model.FullRecipeTime;
            log?.Invoke($"model '{name}' is not in {Root}; training the built-in ({settings.RecipeName} recipe, about {expected})");
            Stopwatch clock = Stopwatch.StartNew();
            ModelCard card = Train(model, settings with { Log = settings.Log ?? log }, replace: false);
            log?.Invoke($"trained '{name}' in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s; saved to {folder}");
            return card;
        }
    }

    private static string ShimVersion()
    {
        try
        {
            return TorchRuntime.Version;
        }
        catch (TorchUnavailableException)
        {
            return "unavailable";
        }
    }

    private T Load<T>(string name, string kind, Func<string, T> load)
    {
        ModelCard card = GetCard(name);
        if (!string.Equals(card.Kind, kind, StringComparison.Ordinal))
        {
            throw new ModelRegistryException($"model '{name}' in {Root} is a {card.Kind} model, not a {kind} model");
        }

        string folder = FolderOf(name);
        try
        {
            return load(folder);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException or TorchException or TorchUnavailableException)
        {
            throw new ModelRegistryException($"model '{name}' ({folder}) cannot be loaded: {ex.Message}", ex);
        }
    }

    private string MissingMessage(string name)
    {
        IReadOnlyList<string> present = Names();
        return $"no model '{name}' in {Root}; models there: {(present.Count == 0 ? "(none)" : string.Join(", ", present))}; " +
            $"built-in models (autolab train NAME): {string.Join(", ", BuiltInModels.Names)}";
    }

    private void Commit(string temporary, string final, bool replace)
    {
        // A few attempts: another process may be renaming the same folder between our checks.
        for (int attempt = 0; attempt < 5; attempt++)
        {
            if (!Directory.Exists(final))
            {
                try
                {
                    Directory.Move(temporary, final);
                    return;
                }
                catch (IOException) when (Directory.Exists(final))
                {
                    // Another process put its model there first; fall through to keep or replace it.
                }
            }

            // A folder without a card is debris (an interrupted manual copy), not a model to keep.
            if (!replace && File.Exists(Path.Combine(final, CardFileName)))
            {
                return;
            }

            string old = Path.Combine(Root, $".old-{Path.GetFileName(final)}-{Guid.NewGuid():N}");
            try
            {
                Directory.Move(final, old);
            }
            catch (IOException) when (!Directory.Exists(final))
            {
                // It moved away under us; try again to move ours in.
            }
            catch (DirectoryNotFoundException)
            {
            }

            DeleteQuietly(old);
        }

        throw new ModelRegistryException($"could not move the new model into {final}: another process keeps replacing it");
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover hidden folder is harmless: Names() skips names starting with '.'.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
