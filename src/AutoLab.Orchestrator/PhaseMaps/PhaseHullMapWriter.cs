using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoLab.Analysis.PhaseMapping;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.PhaseMaps;

/// <summary>Writes a fitted phase hull as <c>map.csv</c> (fractions and phase set on a composition lattice) and <c>hull.json</c> (energies and fit).</summary>
public static class PhaseHullMapWriter
{
    /// <summary>Name of the folder inside the run folder.</summary>
    public const string FolderName = "phase-hull";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes both files into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="model">Its model.</param>
    /// <param name="calls">The calls it was fitted to.</param>
    /// <param name="elements">The system's three elements, in composition order.</param>
    /// <param name="divisions">Steps per edge of the lattice.</param>
    /// <param name="level">Detection level of a phase.</param>
    /// <param name="directory">The folder.</param>
    /// <param name="ct">Cancels the writing.</param>
    /// <returns>The calls the hull contradicts (presence ≥ ½ where the hull says absent, or &lt; ½ where it says present).</returns>
    public static async Task<int> WriteAsync(PhaseHullFit fit, PhaseHullModel model, RunPhaseCalls calls, IReadOnlyList<string> elements, int divisions, double level, string directory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(elements);
        Directory.CreateDirectory(directory);
        int phases = model.Phases.Count;

        double[][] lattice = PhaseMapLab.SimplexLattice(divisions);
        double[] fractions = fit.Fractions(lattice);
        var csv = new StringBuilder();
        CsvText.AppendRecord(csv, [.. elements, .. model.Phases.Select(p => "fraction_" + p.Name), "phases"]);
        for (int i = 0; i < lattice.Length; i++)
        {
            double third = Math.Max(0, 1 - lattice[i][0] - lattice[i][1]);
            string set = string.Join("+", Enumerable.Range(0, phases).Where(j => fractions[(i * phases) + j] >= level).Select(j => model.Phases[j].Name));
            CsvText.AppendRecord(csv, [CsvText.Number(lattice[i][0]), CsvText.Number(lattice[i][1]), CsvText.Number(third), .. Enumerable.Range(0, phases).Select(j => CsvText.Number(fractions[(i * phases) + j])), set]);
        }

        double[] atCalls = fit.Fractions(calls.Points);
        List<object> contradictions = [];
        for (int i = 0; i < calls.Points.Count; i++)
        {
            for (int j = 0; j < phases; j++)
            {
                bool called = calls.Presence[i][j] >= 0.5;
                bool hull = atCalls[(i * phases) + j] >= level;
                if (called != hull)
                {
                    contradictions.Add(new { sequence = calls.Sequences[i], phase = model.Phases[j].Name, presence = calls.Presence[i][j], hull_fraction = atCalls[(i * phases) + j] });
                }
            }
        }

        var summary = new
        {
            elements,
            detection_level = level,
            observations = fit.Observations,
            negative_log_likelihood = fit.Loss,
            parameters = model.ParameterNames.Select((name, k) => new { name, value_ev_per_atom = fit.Parameters[k] }),
            phases = model.Phases.Select(p => new { name = p.Name, start = p.Start, end = p.End }),
            contradicted_calls = contradictions,
        };
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, "map.csv"), csv.ToString(), ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, "hull.json"), JsonSerializer.Serialize(summary, Indented), ct);
        return contradictions.Count;
    }
}
