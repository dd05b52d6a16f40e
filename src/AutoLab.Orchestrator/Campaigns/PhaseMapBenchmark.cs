using AutoLab.Contracts;
using System.Globalization;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Autonomous phase mapping (issue 6, item 1): how many samples the <c>phase-map</c> strategy needs to map
/// the Fe–Ni–Al phase diagram as accurately as a regular composition grid, against random sampling.
/// </summary>
/// <remarks>
/// <para>The closed loop of seed 003 Fig. 10 on the simulated lab (<see cref="PhaseMapLab"/>): synthesise a
/// composition, measure its powder pattern, identify the phases with the CNN ensemble, and let the active
/// learner choose the next compositions (<see cref="PhaseMapStrategy"/>: kriging of the presence
/// probabilities, next sample where the expected number of wrong phase calls is largest, batches of
/// <see cref="BatchSize"/>).</para>
/// <para>Every design is reconstructed the same way (<see cref="PhaseMapReconstruction"/>) and scored on a dense
/// simplex lattice against the equilibrium phase sets. The grid is a simplex lattice of
/// <see cref="GridDivisions"/> steps per edge (231 compositions in a full run, 66 quick). Figure of merit: the
/// samples the phase-map strategy needs to reach the grid's accuracy, as a fraction of the grid's samples;
/// target ≤ 0.3. The strategy and random sampling run to the grid's count; +∞ means they never got there. The NMF row reports
/// how the campaign's own library demixes (<see cref="PhaseMapDemixing"/>).</para>
/// <para>Ask-tell against the lab (<see cref="AskTellCampaign"/>), not through the bus;
/// <c>examples/xrd-phase-mapping.yaml</c> runs the same loop through the engine.</para>
/// </remarks>
/// <param name="prefix">The outputs mapped: <see cref="PhaseMapLab.PresencePrefix"/> (default, as in the example) or <see cref="PhaseMapLab.FractionPrefix"/>.</param>
/// <param name="level">The level at which a kriged output calls its phase present: ½ for presence probabilities, the detection level for fractions.</param>
public sealed class PhaseMapBenchmark(string prefix = PhaseMapLab.PresencePrefix, double level = 0.5) : ICampaignBenchmark
{
    /// <summary>The figure's target: the grid's accuracy with at most 30 % of its samples.</summary>
    public const double TargetFraction = 0.3;

    /// <summary>Suggestions per batch for the strategies.</summary>
    public const int BatchSize = 4;

    /// <inheritdoc/>
    public string Name => "phase_map";

    /// <summary>Steps per edge of the reference grid: 20 (231 compositions), or 10 (66) in a quick run.</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>Divisions.</returns>
    public static int GridDivisions(bool quick) => quick ? 10 : 20;

    /// <summary>Steps per edge of the lattice the maps are scored on.</summary>
    /// <param name="quick">A shortened run.</param>
    /// <returns>Divisions.</returns>
    public static int TruthDivisions(bool quick) => quick ? 40 : 60;

    /// <inheritdoc/>
    public CampaignFigure Run(int seed, bool quick)
    {
        (PhaseIdentifier identifier, string source) = PhaseMapBenchModel.Get(quick);
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[][] lattice = PhaseMapLab.SimplexLattice(TruthDivisions(quick));
        ulong[] truth = [.. lattice.Select(p => PhaseMapLab.TruthLabel(diagram, p[0], p[1], identifier.PhaseNames))];

        int gridDivisions = GridDivisions(quick);
        int gridCount = PhaseMapLab.LatticeSize(gridDivisions);
        int budget = RoundUp(gridCount, BatchSize);
        int targetCount = (int)Math.Floor(TargetFraction * gridCount);

        var mapLab = new PhaseMapLab(identifier, seed);
        IReadOnlyList<string> outputs = mapLab.Outputs(prefix);
        Dictionary<string, string> options = new(StringComparer.Ordinal)
        {
            ["outputs"] = prefix,
            ["level"] = level.ToString("R", CultureInfo.InvariantCulture),
        };
        IReadOnlyList<Observation> mapped = AskTellCampaign.Run(new PhaseMapStrategy(), options, PhaseMapLab.Space, mapLab.Objectives, budget, BatchSize, seed, mapLab.Measure, PhaseMapLab.Constraints);
        var randomLab = new PhaseMapLab(identifier, seed + 1_000_000L);
        IReadOnlyList<Observation> random = AskTellCampaign.Run(new RandomStrategy(), new Dictionary<string, string>(), PhaseMapLab.Space, randomLab.Objectives, budget, BatchSize, seed, randomLab.Measure, PhaseMapLab.Constraints);

        int[] counts = [.. Enumerable.Range(2, (budget / BatchSize) - 1).Select(b => b * BatchSize)];
        double Score(IEnumerable<Observation> observations) => PhaseMapReconstruction.Accuracy([.. observations], outputs, level, lattice, truth, seed);
        double[] mapCurve = [.. counts.Select(n => Score(mapped.Take(n)))];
        double[] randomCurve = [.. counts.Select(n => Score(random.Take(n)))];

        int[] gridDivisionsCurve = quick ? [4, 6, 8, 10] : [4, 6, 8, 10, 14, 20];
        var gridLab = new PhaseMapLab(identifier, seed + 2_000_000L);
        double[] gridCurve = [.. gridDivisionsCurve.Select(n => Score(MeasureGrid(gridLab, n)))];
        double gridAccuracy = gridCurve[^1];
        IReadOnlyList<Observation> finestGrid = MeasureGrid(new PhaseMapLab(identifier, seed + 3_000_000L), gridDivisions);
        double identifierAccuracy = finestGrid.Count(o => MeasuredLabel(o, outputs, level) == PhaseMapLab.TruthLabel(diagram, o.Parameters.Values["Fe"], o.Parameters.Values["Ni"], identifier.PhaseNames)) / (double)finestGrid.Count;

        int mapReach = Array.FindIndex(mapCurve, a => a >= gridAccuracy);
        int randomReach = Array.FindIndex(randomCurve, a => a >= gridAccuracy);
        int atTarget = Array.FindLastIndex(counts, n => n <= targetCount);
        int at30 = Math.Max(atTarget, 0);
        int gridMatch = Array.FindIndex(gridCurve, a => a >= mapCurve[at30]);
        double mapUncertainty = PhaseMapReconstruction.Uncertainty([.. mapped.Take(counts[at30])], outputs, level, lattice, seed);
        double randomUncertainty = PhaseMapReconstruction.Uncertainty([.. random.Take(counts[at30])], outputs, level, lattice, seed);
        PhaseMapDemixing demixing = PhaseMapDemixing.Of(mapLab, mapped, diagram, Math.Max(targetCount, counts[0]), seed);

        return new CampaignFigure
        {
            Name = Name,
            Seed = seed,
            Metric = "samples the phase-map strategy needs to reach the composition grid's phase-map accuracy / the grid's samples (accuracy = share of a dense lattice whose kriged phase set equals the equilibrium set)",
            Value = mapReach < 0 ? double.PositiveInfinity : counts[mapReach] / (double)gridCount,
            Target = TargetFraction,
            Comparison = TargetComparison.AtMost,
            Baselines = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["grid_samples"] = gridCount,
                ["grid_accuracy"] = gridAccuracy,
                ["phase_map_samples_to_grid_accuracy"] = mapReach < 0 ? double.PositiveInfinity : counts[mapReach],
                ["random_samples_to_grid_accuracy"] = randomReach < 0 ? double.PositiveInfinity : counts[randomReach],
                ["samples_at_30_percent"] = counts[at30],
                ["phase_map_accuracy_at_30_percent"] = mapCurve[at30],
                ["random_accuracy_at_30_percent"] = randomCurve[at30],
                ["grid_samples_to_phase_map_accuracy_at_30_percent"] = gridMatch < 0 ? double.PositiveInfinity : PhaseMapLab.LatticeSize(gridDivisionsCurve[gridMatch]),
                ["phase_map_uncertainty_at_30_percent"] = mapUncertainty,
                ["random_uncertainty_at_30_percent"] = randomUncertainty,
                ["phase_map_final_accuracy"] = mapCurve[^1],
                ["random_final_accuracy"] = randomCurve[^1],
                ["true_phase_sets"] = truth.Distinct().Count(),
                ["identifier_exact_set_accuracy_on_grid"] = identifierAccuracy,
                ["nmf_selected_rank"] = demixing.SelectedRank,
                ["nmf_phases_in_library"] = demixing.PhasesInLibrary,
                ["nmf_mean_matched_cosine"] = demixing.MeanCosine,
            },
            Series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
            {
                ["samples"] = [.. counts.Select(n => (double)n)],
                ["phase_map_accuracy"] = mapCurve,
                ["random_accuracy"] = randomCurve,
                ["grid_samples"] = [.. gridDivisionsCurve.Select(n => (double)PhaseMapLab.LatticeSize(n))],
                ["grid_accuracy"] = gridCurve,
            },
            Method = string.Create(CultureInfo.InvariantCulture,
                $"ask-tell against the simulated lab (not through the bus); identifier '{source}' ({identifier.PhaseNames.Count} phases, {identifier.Manifest.Options.EnsembleSize} members); " +
                $"Fe-Ni-Al compositions with 1 at.% scatter, {PhaseMapLab.CountTime} s per 2θ point over {identifier.Manifest.Grid.Start}–{identifier.Manifest.Grid.Stop}°; " +
                $"phase-map ({prefix} outputs, level {level}) and random in batches of {BatchSize} to {budget} samples; simplex grids of {string.Join(", ", gridDivisionsCurve.Select(PhaseMapLab.LatticeSize))} compositions; " +
                $"every design kriged by the same per-phase GPs and scored on a {PhaseMapLab.LatticeSize(TruthDivisions(quick))}-point lattice against equilibrium phases with fraction ≥ {PhaseMapLab.DetectionLevel}; " +
                $"NMFk on the first {demixing.LibrarySize} patterns of the phase-map campaign"),
        };
    }

    /// <summary>Measures every composition of a simplex lattice.</summary>
    /// <param name="lab">The lab.</param>
    /// <param name="divisions">Steps per edge.</param>
    /// <returns>The observations, in lattice order.</returns>
    public static IReadOnlyList<Observation> MeasureGrid(PhaseMapLab lab, int divisions)
    {
        ArgumentNullException.ThrowIfNull(lab);
        List<Observation> observations = [];
        foreach (double[] point in PhaseMapLab.SimplexLattice(divisions))
        {
            var parameters = new ParameterPoint
            {
                Values = new Dictionary<string, double>(StringComparer.Ordinal) { ["Fe"] = point[0], ["Ni"] = point[1] },
            };
            IReadOnlyDictionary<string, double> readings = lab.Measure(parameters);
            observations.Add(new Observation
            {
                ExperimentId = Guid.NewGuid(),
                Sequence = observations.Count + 1,
                Parameters = parameters,
                Objectives = readings.ToDictionary(StringComparer.Ordinal),
            });
        }

        return observations;
    }

    /// <summary>The phase set one measurement reports: the outputs at or above the level.</summary>
    private static ulong MeasuredLabel(Observation observation, IReadOnlyList<string> outputs, double level)
    {
        ulong label = 0;
        for (int k = 0; k < outputs.Count; k++)
        {
            label |= observation.Objectives[outputs[k]] >= level ? 1UL << k : 0;
        }

        return label;
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
