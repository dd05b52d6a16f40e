using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Optics;

/// <summary>What <see cref="ChromaticityCorrector.Correct"/> reached.</summary>
public sealed record ChromaticityCorrectionResult
{
    /// <summary>The lattice with the corrected family strengths.</summary>
    public required Lattice Lattice { get; init; }

    /// <summary>K2 (1/m³) of the focusing family.</summary>
    public required double FocusingStrength { get; init; }

    /// <summary>K2 (1/m³) of the defocusing family.</summary>
    public required double DefocusingStrength { get; init; }

    /// <summary>Chromaticities before correction.</summary>
    public required Chromaticity Before { get; init; }

    /// <summary>Chromaticities after correction.</summary>
    public required Chromaticity After { get; init; }

    /// <summary>Newton iterations used.</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether both chromaticities are within the tolerance of the target.</summary>
    public required bool Converged { get; init; }
}
