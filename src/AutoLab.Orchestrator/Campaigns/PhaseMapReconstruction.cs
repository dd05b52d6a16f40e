using AutoLab.Contracts;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Scores a phase map: krige the measured presence probabilities (<see cref="PhaseMapModel"/>, one GP per
/// phase), read the phase set at every point of a dense composition lattice and count the points whose set
/// equals the ground truth's.
/// </summary>
/// <remarks>
/// Every design (phase-map, grid, random) is reconstructed by this same model with the GP settings the
/// <c>phase-map</c> strategy fits by default, so only where the samples lie differs between the curves.
/// Accuracy is exact-set agreement: a point with one phase too many or too few counts as wrong.
/// </remarks>
public static class PhaseMapReconstruction
{
    /// <summary>The GP settings: the defaults the <c>phase-map</c> and <c>kriging</c> strategies fit with (shared with <see cref="SaxsMapReconstruction"/>).</summary>
    public static GaussianProcessOptions Process => SaxsMapReconstruction.Process;

    /// <summary>Kriges a design's outputs: one GP per phase, fitted as the <c>phase-map</c> strategy fits them.</summary>
    /// <param name="observations">Observations; the succeeded ones (at least two) are used.</param>
    /// <param name="outputs">The outputs, in label-bit order.</param>
    /// <param name="level">The level at which a kriged output calls its phase present.</param>
    /// <param name="seed">Seed of the GP restarts.</param>
    /// <returns>The kriged map.</returns>
    /// <exception cref="ArgumentException">Fewer than two succeeded observations.</exception>
    public static PhaseMapModel Krige(IReadOnlyList<Observation> observations, IReadOnlyList<string> outputs, double level, long seed)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(outputs);
        List<Observation> used = [.. observations.Where(o => o.Succeeded)];
        double[][] inputs = [.. used.Select(o => new[] { o.Parameters.Values["Fe"], o.Parameters.Values["Ni"] })];
        IReadOnlyList<double>[] values = [.. outputs.Select(name => (IReadOnlyList<double>)[.. used.Select(o => o.Objectives[name])])];
        return PhaseMapModel.Fit(inputs, values, outputs, level, Process, seed);
    }

    /// <summary>The fraction of lattice points whose kriged phase set equals the truth.</summary>
    /// <param name="observations">Succeeded observations with every output (at least two).</param>
    /// <param name="outputs">The outputs, in label-bit order.</param>
    /// <param name="level">The level at which a kriged output calls its phase present.</param>
    /// <param name="points">Unit-cube points of the dense lattice.</param>
    /// <param name="truth">The true label at each point.</param>
    /// <param name="seed">Seed of the GP restarts.</param>
    /// <returns>Accuracy in [0, 1].</returns>
    /// <exception cref="ArgumentException">Fewer than two observations, or mismatched lattice and truth.</exception>
    public static double Accuracy(IReadOnlyList<Observation> observations, IReadOnlyList<string> outputs, double level, IReadOnlyList<double[]> points, IReadOnlyList<ulong> truth, long seed)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(truth);
        if (points.Count != truth.Count || points.Count == 0)
        {
            throw new ArgumentException("the lattice and its truth must have the same, non-zero length", nameof(truth));
        }

        ulong[] labels = Krige(observations, outputs, level, seed).Labels(points);
        int right = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            right += labels[i] == truth[i] ? 1 : 0;
        }

        return right / (double)labels.Length;
    }

    /// <summary>How uncertain a design leaves the map: the mean over the lattice of the expected number of wrong phase calls (<see cref="PhaseMapModel.ExpectedMislabels"/>).</summary>
    /// <param name="observations">Observations; the succeeded ones (at least two) are used.</param>
    /// <param name="outputs">The outputs, in label-bit order.</param>
    /// <param name="level">The level at which a kriged output calls its phase present.</param>
    /// <param name="points">Unit-cube points of the dense lattice.</param>
    /// <param name="seed">Seed of the GP restarts.</param>
    /// <returns>Mean expected mislabels per point.</returns>
    public static double Uncertainty(IReadOnlyList<Observation> observations, IReadOnlyList<string> outputs, double level, IReadOnlyList<double[]> points, long seed) =>
        Krige(observations, outputs, level, seed).ExpectedMislabels(points).Average();
}
