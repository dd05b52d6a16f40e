namespace AutoLab.Analysis.Tests.Consumers;

/// <summary>Runs its tests alone in this assembly, so the worker tests' timings are not shared with training tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "serial-consumers";
}
