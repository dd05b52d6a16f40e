namespace AutoLab.Analysis.Unsupervised;

/// <summary>The outcome of NMFk rank selection.</summary>
public sealed record NmfRankReport
{
    /// <summary>The chosen number of components.</summary>
    public required int SelectedRank { get; init; }

    /// <summary>One score per rank tried, in increasing rank.</summary>
    public required IReadOnlyList<NmfRankScore> Scores { get; init; }

    /// <summary>The lowest-error factorisation at <see cref="SelectedRank"/>.</summary>
    public required NmfResult Best { get; init; }
}
