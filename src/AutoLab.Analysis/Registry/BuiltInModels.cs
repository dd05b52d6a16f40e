namespace AutoLab.Analysis.Registry;

/// <summary>The models AutoLab can train from its own simulators, by name: what <c>autolab train</c> and <see cref="ModelRegistry.GetOrTrain"/> use.</summary>
/// <remarks>
/// Each has a full recipe (the sizes behind the figures in docs/benchmarks.md) and a quick recipe (the same steps
/// at toy sizes, seconds on a CPU) for tests and smoke runs.
/// </remarks>
public static class BuiltInModels
{
    /// <summary>Every built-in, in catalogue order.</summary>
    public static IReadOnlyList<IBuiltInModel> All { get; } = [new XrdPhaseBuiltIn(), XrdPhaseBuiltIn.Adaptive(), new SasFamiliesBuiltIn(), SasFamiliesBuiltIn.LowQ(), new BeamSizeBuiltIn()];

    /// <summary>Their names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    /// <summary>The built-in with a name, or null.</summary>
    /// <param name="name">Name, any case.</param>
    /// <returns>The built-in or null.</returns>
    public static IBuiltInModel? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The built-in with a name.</summary>
    /// <param name="name">Name, any case.</param>
    /// <returns>The built-in.</returns>
    /// <exception cref="ModelRegistryException">No built-in has that name; the message lists them.</exception>
    public static IBuiltInModel Get(string name) =>
        Find(name) ?? throw new ModelRegistryException($"no built-in model '{name}'; built-in models: {string.Join(", ", Names)}");
}
