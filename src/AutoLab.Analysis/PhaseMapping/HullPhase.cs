namespace AutoLab.Analysis.PhaseMapping;

/// <summary>
/// A phase a ternary phase map may contain, with the compositions it can take: a line compound (one
/// composition) or a solid solution along a straight line between two end compositions.
/// </summary>
/// <remarks>
/// Compositions are atom fractions of the system's three elements, in the system's order, summing to 1.
/// They are what a phase library knows about a phase (a structure's formula, a solid solution's known
/// extent); the energies that decide where the phase is stable are what <see cref="PhaseHullFit"/> learns.
/// </remarks>
/// <param name="Name">The phase's name, as the identifier names it.</param>
/// <param name="Start">The composition of a compound, or a solid solution's end at t = 0.</param>
/// <param name="End">A solid solution's end at t = 1; null for a compound.</param>
public sealed record HullPhase(string Name, IReadOnlyList<double> Start, IReadOnlyList<double>? End = null)
{
    /// <summary>Whether the phase is a solid solution (has an <see cref="End"/>).</summary>
    public bool IsSolution => End is not null;

    /// <summary>A line compound.</summary>
    /// <param name="name">The phase's name.</param>
    /// <param name="composition">Its atom fractions.</param>
    /// <returns>The phase.</returns>
    public static HullPhase Compound(string name, params double[] composition) => new(name, composition);

    /// <summary>A solid solution between two end compositions.</summary>
    /// <param name="name">The phase's name.</param>
    /// <param name="start">The composition at t = 0.</param>
    /// <param name="end">The composition at t = 1.</param>
    /// <returns>The phase.</returns>
    public static HullPhase Solution(string name, double[] start, double[] end) => new(name, start, end);

    /// <summary>Whether a composition is a pure element, whose formation energy is 0 by definition.</summary>
    /// <param name="composition">Atom fractions.</param>
    /// <returns>True when one fraction is 1.</returns>
    internal static bool IsPureElement(IReadOnlyList<double> composition) => composition.Any(c => Math.Abs(c - 1.0) < 1e-9);
}
