namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Sizes, threads and device of <c>autolab bench analysis</c> (<see cref="AnalysisBenchmark"/>).</summary>
/// <remarks>
/// <see cref="Full"/> holds the sizes issue 5 names (a 1000 × 4500 NMF, batch 64, 256-pattern batches);
/// <see cref="Quick"/> shrinks every size so an integration test runs the whole command in well under a
/// minute, with the same code paths.
/// </remarks>
public sealed record AnalysisBenchSettings
{
    /// <summary>Intra-op threads for AutoLab (libtorch and OpenBLAS) and for every peer, at least 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The resolved device: "cpu" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Interleaved repeats of each timed comparison; medians are reported.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Generated XRD patterns the CNN trains on.</summary>
    public int CnnPatterns { get; init; } = 2048;

    /// <summary>Epochs of each CNN training run (both implementations).</summary>
    public int CnnEpochs { get; init; } = 2;

    /// <summary>Minibatch size of CNN training (issue 5: 64).</summary>
    public int CnnBatchSize { get; init; } = 64;

    /// <summary>Rows of the NMF matrix (patterns).</summary>
    public int NmfRows { get; init; } = 1000;

    /// <summary>Columns of the NMF matrix (points per pattern).</summary>
    public int NmfCols { get; init; } = 4500;

    /// <summary>True rank of the synthetic library and the rank both factorisations use.</summary>
    public int NmfRank { get; init; } = 5;

    /// <summary>Timed single-pattern predictions (after as many warm-up calls as a tenth of these).</summary>
    public int InferenceSingleCalls { get; init; } = 300;

    /// <summary>Patterns per batched prediction (issue 5 brief: 256).</summary>
    public int InferenceBatch { get; init; } = 256;

    /// <summary>Timed batched predictions.</summary>
    public int InferenceBatchCalls { get; init; } = 20;

    /// <summary>Members of the ensemble whose inference is timed.</summary>
    public int EnsembleSize { get; init; } = 4;

    /// <summary>Whether the accuracy part (phase identification, SAS selection, NMF rank selection) runs.</summary>
    public bool Accuracy { get; init; } = true;

    /// <summary>Whether the sizes are the quick ones (reported in the output).</summary>
    public bool IsQuick { get; init; }

    /// <summary>The full sizes.</summary>
    public static AnalysisBenchSettings Full { get; } = new();

    /// <summary>Small sizes for a test run: the same steps in seconds.</summary>
    public static AnalysisBenchSettings Quick { get; } = new()
    {
        IsQuick = true,
        CnnPatterns = 256,
        CnnEpochs = 1,
        NmfRows = 200,
        NmfCols = 900,
        InferenceSingleCalls = 50,
        InferenceBatch = 64,
        InferenceBatchCalls = 5,
        EnsembleSize = 2,
    };
}
