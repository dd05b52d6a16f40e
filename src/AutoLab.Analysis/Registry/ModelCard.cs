using System.Text.Json.Nodes;

namespace AutoLab.Analysis.Registry;

/// <summary>
/// What a <see cref="ModelRegistry"/> knows about one trained model: <c>card.json</c> in the model's folder, beside
/// the model's own files.
/// </summary>
/// <remarks>
/// A card is enough to reproduce the model: the architecture, the training-data generator with its options and seed,
/// and the recipe name; and to judge it: metrics measured on held-out data, the device, the shim version and the
/// training time. <seealso cref="BuiltInModels"/>
/// </remarks>
public sealed record ModelCard
{
    /// <summary>Version of this layout; a registry refuses a version it does not know.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Layout version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The model's name in the registry: its folder name.</summary>
    public required string Name { get; init; }

    /// <summary>The model's kind, one of <see cref="ModelKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>One line saying what the model does.</summary>
    public string Description { get; init; } = "";

    /// <summary>The recipe it was trained with: "full", "quick" or "custom".</summary>
    public string Recipe { get; init; } = "custom";

    /// <summary>The architecture (network specs, ensemble size), as JSON.</summary>
    public JsonNode? Architecture { get; init; }

    /// <summary>Name of the training-data generator, e.g. "XrdTrainingSetGenerator".</summary>
    public string Generator { get; init; } = "";

    /// <summary>The generator's options, as JSON.</summary>
    public JsonNode? GeneratorOptions { get; init; }

    /// <summary>Seed of the training data and the networks.</summary>
    public long Seed { get; init; }

    /// <summary>Figures measured on held-out data (accuracy, errors, calibration) by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>When training finished (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Version of libtorch behind the shim that trained it.</summary>
    public string ShimVersion { get; init; } = "";

    /// <summary>Device it was trained on, e.g. "cpu" or "cuda:0".</summary>
    public string Device { get; init; } = "";

    /// <summary>Wall time of data generation, training and evaluation (s).</summary>
    public double TrainingSeconds { get; init; }
}
