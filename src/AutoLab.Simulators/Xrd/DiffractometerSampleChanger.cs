using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// The diffractometer's sample changer (option <c>samples: changer</c>): slot k holds a seeded sample of the
/// instrument's phase diagram, the same for every run with the same <c>changer_seed</c>.
/// </summary>
/// <remarks>
/// A composition is drawn uniformly over the composition simplex (a flat Dirichlet: each fraction is −ln u,
/// normalised) from the stream (seed, "diffractometer/changer", slot). Even slots hold the diagram's
/// equilibrium assemblage there (mostly two- or three-phase mixtures, in the proportions of their fields'
/// areas); odd slots hold the major phase of that assemblage alone, made at the phase's own composition,
/// so a changer holds single phases and mixtures alike. Crystallite size comes from the command options.
/// </remarks>
public static class DiffractometerSampleChanger
{
    /// <summary>Name of the integer point parameter that selects the slot.</summary>
    public const string SlotParameter = "slot";

    /// <summary>The sample id a reading from slot <paramref name="slot"/> carries.</summary>
    /// <param name="slot">1-based slot.</param>
    /// <returns>E.g. "slot-3".</returns>
    public static string SampleId(int slot) => $"slot-{slot}";

    /// <summary>The composition in slot <paramref name="slot"/>.</summary>
    /// <param name="diagram">The phase diagram the samples belong to.</param>
    /// <param name="seed">The changer's seed.</param>
    /// <param name="slot">1-based slot.</param>
    /// <returns>Atom fractions of the diagram's elements, summing to 1.</returns>
    public static double[] Composition(PhaseDiagram diagram, long seed, int slot)
    {
        Random random = RandomStreams.For(seed, "diffractometer/changer", slot);
        double[] weights = new double[diagram.Elements.Count];
        for (int i = 0; i < weights.Length; i++)
        {
            // 1 − u lies in (0, 1], so the logarithm is finite.
            weights[i] = -Math.Log(1.0 - random.NextDouble());
        }

        double sum = weights.Sum();
        double[] drawn = [.. weights.Select(w => w / sum)];
        // The assemblage lists its largest phase first; a phase at its own composition is single-phase.
        return slot % 2 == 1 ? [.. diagram.Equilibrium(drawn)[0].Composition] : drawn;
    }

    /// <summary>The equilibrium phases of the sample in slot <paramref name="slot"/>: the ground truth of what it holds.</summary>
    /// <param name="diagram">The phase diagram.</param>
    /// <param name="seed">The changer's seed.</param>
    /// <param name="slot">1-based slot.</param>
    /// <returns>Phases with fractions, largest first.</returns>
    public static IReadOnlyList<PhaseFraction> Phases(PhaseDiagram diagram, long seed, int slot) =>
        diagram.Equilibrium(Composition(diagram, seed, slot));

    /// <summary>What the simulator measures for slot <paramref name="slot"/>.</summary>
    /// <param name="diagram">The phase diagram.</param>
    /// <param name="seed">The changer's seed.</param>
    /// <param name="slot">1-based slot.</param>
    /// <param name="crystalliteSize">Crystallite size of every phase (nm).</param>
    /// <returns>The phase contributions.</returns>
    public static IReadOnlyList<PhaseContribution> Contributions(PhaseDiagram diagram, long seed, int slot, double crystalliteSize) =>
        [.. Phases(diagram, seed, slot).Select(p => new PhaseContribution(p.Structure, p.Fraction, crystalliteSize))];
}
