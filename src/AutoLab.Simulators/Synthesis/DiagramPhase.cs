using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Synthesis;

/// <summary>A phase of a <see cref="PhaseDiagram"/>: a line compound, or a solid solution between two end members.</summary>
/// <param name="Name">Phase name, e.g. "B2-(Ni,Fe)Al".</param>
/// <param name="Structure">The structure (the first end member of a solid solution).</param>
/// <param name="OtherEndMember">The second end member of a solid solution (same sites), or null for a compound.</param>
public sealed record DiagramPhase(string Name, CrystalStructure Structure, CrystalStructure? OtherEndMember = null)
{
    /// <summary>The structure at solid-solution coordinate t: Vegard's law between the end members (t = 0 is <see cref="Structure"/>).</summary>
    /// <param name="t">Fraction of the second end member in [0, 1]; ignored for a compound.</param>
    /// <returns>The structure.</returns>
    public CrystalStructure At(double t) =>
        OtherEndMember is null ? Structure : Structure.Interpolate(OtherEndMember, Math.Clamp(t, 0.0, 1.0), Name);
}
