using AutoLab.Analysis.PhaseMapping;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.PhaseMaps;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Scores a phase map reconstructed under thermodynamic constraints: the formation energies of the
/// system's known phases fitted to the measured presence probabilities (<see cref="PhaseHullFit"/>), the
/// phase set at every lattice point read from the fitted hull.
/// </summary>
/// <remarks>
/// <para>The phase library is what the experimenter knows before the campaign: which phases the identifier
/// knows, a compound's composition and a solid solution's end compositions, here read from the simulated
/// diagram's nodes (<see cref="DiagramPhaseLibrary"/>). The diagram's energies, which decide the map, are not used; the
/// fit learns them from the calls.</para>
/// <para>A growing design is fitted prefix by prefix, each fit starting from the previous one's energies
/// as well as from random ones, as a campaign refitting its map after every batch would
/// (<see cref="Curve"/>). The grids are fitted the same way, coarse to fine.</para>
/// </remarks>
/// <param name="model">The phases and their compositions, in the outputs' order.</param>
/// <param name="outputs">The presence outputs, one per phase of <paramref name="model"/>, in its order.</param>
/// <param name="options">Fit settings; null for the defaults.</param>
public sealed class PhaseMapHullReconstruction(PhaseHullModel model, IReadOnlyList<string> outputs, PhaseHullFitOptions? options = null)
{
    private readonly PhaseHullFitOptions fitOptions = options ?? new PhaseHullFitOptions();

    /// <summary>Fits the hull to a design's succeeded observations.</summary>
    /// <param name="observations">The observations (Fe and Ni parameters, one presence output per phase).</param>
    /// <param name="seed">Seed of the random starts.</param>
    /// <param name="warmStart">A previous fit's parameters to start from as well, or null.</param>
    /// <returns>The fit.</returns>
    public PhaseHullFit Fit(IReadOnlyList<Observation> observations, long seed, IReadOnlyList<double>? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        List<Observation> used = [.. observations.Where(o => o.Succeeded)];
        double[][] points = [.. used.Select(o => new[] { o.Parameters.Values["Fe"], o.Parameters.Values["Ni"] })];
        double[][] presence = [.. used.Select(o => outputs.Select(name => o.Objectives[name]).ToArray())];
        return PhaseHullFit.Fit(model, points, presence, fitOptions, seed, warmStart is null ? null : [warmStart]);
    }

    /// <summary>The accuracy of each of a growing series of designs, each fit warm-started from the one before.</summary>
    /// <param name="designs">The designs in the order they grow (a campaign's prefixes, or grids coarse to fine).</param>
    /// <param name="points">Unit-cube points of the dense lattice.</param>
    /// <param name="truth">The true label at each point.</param>
    /// <param name="level">The detection level at which the hull calls a phase present.</param>
    /// <param name="seed">Seed of the random starts.</param>
    /// <returns>One accuracy per design.</returns>
    public double[] Curve(IEnumerable<IReadOnlyList<Observation>> designs, IReadOnlyList<double[]> points, IReadOnlyList<ulong> truth, double level, long seed)
    {
        ArgumentNullException.ThrowIfNull(designs);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(truth);
        List<double> accuracies = [];
        IReadOnlyList<double>? previous = null;
        foreach (IReadOnlyList<Observation> design in designs)
        {
            PhaseHullFit fit = Fit(design, seed, previous);
            previous = fit.Parameters;
            ulong[] labels = fit.Labels(points, level);
            accuracies.Add(labels.Zip(truth, (a, b) => a == b ? 1.0 : 0.0).Average());
        }

        return [.. accuracies];
    }
}
