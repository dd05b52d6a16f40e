namespace AutoLab.Orchestrator.Demixing;

/// <summary>Settings of <see cref="LibraryDemixer"/>.</summary>
public sealed record DemixOptions
{
    /// <summary>Largest rank NMFk tries (and at most the number of patterns − 1).</summary>
    public int MaxRank { get; init; } = 8;

    /// <summary>Random restarts per rank (NMFk's default; its stability needs at least 2).</summary>
    public int Restarts { get; init; } = 8;

    /// <summary>HALS sweeps per factorisation at most.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Seed of the restarts: the same library and seed give the same components.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The analysis outputs a component may be labelled with: those whose name starts with this.</summary>
    public string LabelPrefix { get; init; } = "fraction_";
}
