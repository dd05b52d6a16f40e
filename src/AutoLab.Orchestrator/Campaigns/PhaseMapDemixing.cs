using AutoLab.Contracts;
using AutoLab.Analysis.Unsupervised;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// The unsupervised half of the phase-mapping loop: NMF demixing of the campaign's own library of
/// patterns (seed 000 §II.A.3: Long et al., Stanev et al.), with the number of components chosen by NMFk.
/// </summary>
/// <remarks>
/// The library is the identifier-preprocessed patterns (background removed, scaled to a maximum of 1,
/// negatives clipped to 0) of the first <see cref="LibrarySize"/> samples. NMFk tries ranks 1 to 8 with 4
/// restarts each. The selected basis is matched one-to-one (<see cref="BasisMatching"/>) to the noise-free
/// single-phase patterns of the phases the library truly holds (solid solutions at their middle), and the
/// mean cosine of the matched pairs is reported. Solid solutions shift their lines with composition, so
/// NMF may spend several components on one phase (Stanev et al.'s observation): a rank above the phase
/// count is expected, not an error.
/// </remarks>
/// <param name="LibrarySize">Patterns demixed.</param>
/// <param name="SelectedRank">NMFk's rank.</param>
/// <param name="PhasesInLibrary">Phases present (fraction ≥ the detection level) in at least one of those samples.</param>
/// <param name="MeanCosine">Mean cosine between each true phase and its matched component (0 when unmatched).</param>
public sealed record PhaseMapDemixing(int LibrarySize, int SelectedRank, int PhasesInLibrary, double MeanCosine)
{
    /// <summary>Largest rank NMFk tries.</summary>
    public const int MaxRank = 8;

    /// <summary>Demixes the first <paramref name="samples"/> patterns of a lab's library.</summary>
    /// <param name="lab">The lab whose <see cref="PhaseMapLab.Library"/> holds the patterns, in the order of <paramref name="observations"/>.</param>
    /// <param name="observations">The campaign's observations (for the compositions).</param>
    /// <param name="diagram">The phase diagram (for the true phases and reference patterns).</param>
    /// <param name="samples">Patterns to use (at most the library's size).</param>
    /// <param name="seed">Seed of the NMF restarts.</param>
    /// <returns>The report.</returns>
    public static PhaseMapDemixing Of(PhaseMapLab lab, IReadOnlyList<Observation> observations, PhaseDiagram diagram, int samples, long seed)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(diagram);
        int rows = Math.Min(Math.Min(samples, lab.Library.Count), observations.Count);
        int cols = lab.Library[0].Length;
        float[] x = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            float[] pattern = lab.Library[r];
            for (int c = 0; c < cols; c++)
            {
                x[(r * cols) + c] = Math.Max(pattern[c], 0f);
            }
        }

        NmfRankReport report = NmfRankSelection.Select(x, rows, cols, 1, Math.Min(MaxRank, rows - 1), new NmfRankOptions { Restarts = 4, MaxIterations = 300, Seed = seed });

        ulong present = 0;
        foreach (Observation observation in observations.Take(rows))
        {
            present |= PhaseMapLab.TruthLabel(diagram, observation.Parameters.Values["Fe"], observation.Parameters.Values["Ni"], lab.PhaseNames);
        }

        List<float[]> references = [];
        for (int k = 0; k < lab.PhaseNames.Count; k++)
        {
            if ((present & (1UL << k)) != 0)
            {
                references.Add(lab.Reference(diagram.Phases.First(p => p.Name == lab.PhaseNames[k])));
            }
        }

        if (references.Count == 0)
        {
            return new PhaseMapDemixing(rows, report.SelectedRank, 0, 0.0);
        }

        BasisMatch match = BasisMatching.Match([.. references.SelectMany(r => r)], references.Count, report.Best.H, report.Best.Rank, cols);
        return new PhaseMapDemixing(rows, report.SelectedRank, references.Count, match.MeanCosine);
    }
}
