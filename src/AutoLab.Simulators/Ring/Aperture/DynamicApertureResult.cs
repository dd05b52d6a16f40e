namespace AutoLab.Simulators.Ring.Aperture;

/// <summary>A dynamic aperture: the surviving radius along each ray, measured from the closed orbit at the ring's start.</summary>
public sealed record DynamicApertureResult
{
    /// <summary>Momentum deviation δ of the particles.</summary>
    public required double Delta { get; init; }

    /// <summary>Turns survived.</summary>
    public required int Turns { get; init; }

    /// <summary>Ray angles θ (rad), from 0 to π.</summary>
    public required IReadOnlyList<double> Angles { get; init; }

    /// <summary>Surviving radius per ray (m); 0 when no closed orbit exists.</summary>
    public required IReadOnlyList<double> Radii { get; init; }

    /// <summary>Area of the polygon through the boundary points and the closed orbit (m²): Σ ½ rᵢ rᵢ₊₁ sin(θᵢ₊₁ − θᵢ).</summary>
    public required double Area { get; init; }

    /// <summary>Element passes the scan tracked.</summary>
    public required long ElementPasses { get; init; }
}
