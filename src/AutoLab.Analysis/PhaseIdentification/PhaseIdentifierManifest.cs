using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Xrd;

namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>The JSON description of a saved <see cref="PhaseIdentifier"/> (model.json beside the members' parameter files).</summary>
/// <remarks>A small record on purpose, so a model registry can read it without loading the networks.</remarks>
public sealed record PhaseIdentifierManifest
{
    /// <summary>Version of this layout; a loader refuses a version it does not know.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Layout version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Model kind, for a registry: always "xrd-phase-identifier".</summary>
    public string Kind { get; init; } = "xrd-phase-identifier";

    /// <summary>Phase names, the order of the outputs.</summary>
    public required IReadOnlyList<string> PhaseNames { get; init; }

    /// <summary>Parameter files of the members, relative to the model folder.</summary>
    public required IReadOnlyList<string> MemberFiles { get; init; }

    /// <summary>Architecture of each member (the same but for the seed).</summary>
    public required IReadOnlyList<NetworkSpec> Members { get; init; }

    /// <summary>Temperature T dividing the presence logits (fitted on validation data).</summary>
    public required double Temperature { get; init; }

    /// <summary>Options the model was trained with (data generator, architecture, optimiser).</summary>
    public required PhaseIdentifierOptions Options { get; init; }

    /// <summary>Options of the members' optimiser, as passed to the shim.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>Seed of the training and validation sets and of the members.</summary>
    public required long Seed { get; init; }

    /// <summary>Training-time figures (seconds, rates, validation NLL and ECE before and after scaling).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The grid the model reads (from <see cref="PhaseIdentifierOptions.Data"/>).</summary>
    public XrdPatternGrid Grid => Options.Data.Grid;
}
