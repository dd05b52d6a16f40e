namespace AutoLab.Analysis.Tests.Torch;

/// <summary>
/// Runs the libtorch tests one after another on one thread (<see cref="TorchThreadsFixture"/>): they
/// share the process-wide libtorch generator and thread pool, and timings on two cores mean nothing
/// when two trainings compete.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection : ICollectionFixture<TorchThreadsFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "libtorch";
}
