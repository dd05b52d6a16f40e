using System.Collections.Concurrent;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Models;

/// <summary>Loads registry models once per process and shares them between the stages' concurrent analyses.</summary>
/// <remarks>
/// A load (or a training of a missing built-in) happens once even when many analyses ask at the same time; a failed
/// load is not cached, so running <c>autolab train</c> fixes a missing model without restarting the worker.
/// </remarks>
public sealed class RegistryModelCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<(object Shared, IDisposable Model)>> _loaded = new(StringComparer.Ordinal);
    private readonly Action<string>? _log;
    private readonly string _device;

    /// <summary>Creates the cache.</summary>
    /// <param name="registry">Where the models are.</param>
    /// <param name="device">Device the models run on.</param>
    /// <param name="log">Told when a missing built-in is trained; may be null.</param>
    public RegistryModelCache(ModelRegistry registry, string device = "cpu", Action<string>? log = null)
    {
        Registry = registry;
        _device = device;
        _log = log;
    }

    /// <summary>The registry.</summary>
    public ModelRegistry Registry { get; }

    /// <summary>A phase identifier by registry name.</summary>
    /// <param name="name">Model name.</param>
    /// <param name="policy">What to do when it is a missing built-in.</param>
    /// <returns>The shared identifier.</returns>
    /// <exception cref="AnalysisException">It is missing, of another kind, or cannot be loaded.</exception>
    public SharedModel<PhaseIdentifier> PhaseIdentifier(string name, TrainPolicy policy) =>
        PhaseIdentifier(name, policy, registryFolder: null);

    /// <summary>A phase identifier by registry name, from another registry folder than <see cref="Registry"/>.</summary>
    /// <param name="name">Model name.</param>
    /// <param name="policy">What to do when it is a missing built-in (it is trained into that folder).</param>
    /// <param name="registryFolder">The registry folder (a relative path is taken from this process's working directory), or null for <see cref="Registry"/>.</param>
    /// <returns>The shared identifier.</returns>
    /// <exception cref="AnalysisException">It is missing, of another kind, or cannot be loaded.</exception>
    /// <remarks>
    /// A stage's <c>registry</c> option lands here, so a campaign (or a benchmark that trained its own model) can name the
    /// exact model folder in its spec instead of changing the service's registry for every campaign it serves.
    /// </remarks>
    public SharedModel<PhaseIdentifier> PhaseIdentifier(string name, TrainPolicy policy, string? registryFolder)
    {
        ModelRegistry registry = RegistryAt(registryFolder);
        return Get(registry, name, policy, () => registry.LoadPhaseIdentifier(name, _device));
    }

    /// <summary>A SAS model selector by registry name.</summary>
    /// <param name="name">Model name.</param>
    /// <param name="policy">What to do when it is a missing built-in.</param>
    /// <returns>The shared selector.</returns>
    /// <exception cref="AnalysisException">It is missing, of another kind, or cannot be loaded.</exception>
    public SharedModel<SasModelSelector> SasModelSelector(string name, TrainPolicy policy) =>
        Get(Registry, name, policy, () => Registry.LoadSasModelSelector(name, _device));

    /// <summary>Frees every loaded model.</summary>
    public void Dispose()
    {
        foreach (Lazy<(object Shared, IDisposable Model)> lazy in _loaded.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Model.Dispose();
            }
        }

        _loaded.Clear();
    }

    private ModelRegistry RegistryAt(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return Registry;
        }

        try
        {
            var registry = new ModelRegistry(folder);
            return string.Equals(registry.Root, Registry.Root, StringComparison.Ordinal) ? Registry : registry;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new AnalysisException($"'{folder}' is not a usable model registry folder: {ex.Message}", ex);
        }
    }

    private SharedModel<T> Get<T>(ModelRegistry registry, string name, TrainPolicy policy, Func<T> load)
        where T : class, IDisposable
    {
        // The folder is part of the key: two registries may each hold a model of the same name.
        string key = $"{typeof(T).Name}/{registry.Root}/{name}";
        Lazy<(object Shared, IDisposable Model)> lazy = _loaded.GetOrAdd(
            key, _ => new Lazy<(object, IDisposable)>(() => Create(registry, name, policy, load), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (SharedModel<T>)lazy.Value.Shared;
        }
        catch (Exception)
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<(object Shared, IDisposable Model)>>(key, lazy));
            throw;
        }
    }

    private (object Shared, IDisposable Model) Create<T>(ModelRegistry registry, string name, TrainPolicy policy, Func<T> load)
        where T : class, IDisposable
    {
        try
        {
            if (policy != TrainPolicy.Never && BuiltInModels.Find(name) is not null && !registry.Contains(name))
            {
                registry.GetOrTrain(name, _log, new ModelTrainingSettings { Quick = policy == TrainPolicy.Quick, Device = _device });
            }

            T model = load();
            return (new SharedModel<T>(model), model);
        }
        catch (ModelRegistryException ex)
        {
            throw new AnalysisException(ex.Message, ex);
        }
        catch (TorchUnavailableException ex)
        {
            throw new AnalysisException($"model '{name}' needs the libtorch shim: {ex.Message}", ex);
        }
    }
}
