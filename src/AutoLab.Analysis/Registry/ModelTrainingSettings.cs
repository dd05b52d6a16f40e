namespace AutoLab.Analysis.Registry;

/// <summary>How a built-in model is trained: recipe size, seed, device and threads.</summary>
public sealed record ModelTrainingSettings
{
    /// <summary>The seed used when none is given: the same for every built-in, so the catalogue is reproducible.</summary>
    public const long DefaultSeed = 20_261_121;

    /// <summary>Whether to use the quick recipe (seconds, a smoke test) instead of the full one.</summary>
    public bool Quick { get; init; }

    /// <summary>Seed of the training data and the networks; the held-out data use a seed far from it.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Device: "cpu", "cuda" or "auto".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>libtorch threads while training, or 0 to leave the process setting.</summary>
    public int Threads { get; init; }

    /// <summary>Progress lines, or null for none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The recipe's name, as written on the card.</summary>
    public string RecipeName => Quick ? "quick" : "full";
}
