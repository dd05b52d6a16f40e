using AutoLab.Contracts;
using System.Globalization;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.Analysis.PhaseMapping;
using AutoLab.Orchestrator.PhaseMaps;
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
/// <para>The closed loop of seed 003 Fig. 10: synthesise a composition, measure its powder pattern, identify the
/// phases with the CNN ensemble, and let the active learner choose the next compositions
/// (<see cref="PhaseMapStrategy"/>: kriging of the presence probabilities, next sample where the expected number of
/// wrong phase calls is largest, <see cref="BatchSize"/> experiments in flight).</para>
/// <para>Every design is reconstructed the same way (<see cref="PhaseMapReconstruction"/>) and scored on a dense
/// simplex lattice against the equilibrium phase sets. The grid is a simplex lattice of
/// <see cref="GridDivisions"/> steps per edge (231 compositions in a full run, 66 quick). Figure of merit: the
/// samples the phase-map strategy needs to reach the grid's accuracy, as a fraction of the grid's samples;
/// target ≤ 0.3. The strategy and random sampling run to the grid's count; +∞ means they never got there. The NMF row reports
/// how the campaign's own library demixes (<see cref="PhaseMapDemixing"/>).</para>
/// <para>The phase-map and random designs run as campaigns through the whole engine (<see cref="EngineCampaign"/>:
/// sagas on the in-memory bus, the synthesis robot and the diffractometer, the <c>phase-id</c> stage, the strategy
/// consumer, the journal) with the spec of <see cref="PhaseMapSpec"/>: <c>examples/xrd-phase-mapping.yaml</c> set up
/// as <see cref="PhaseMapLab"/> simulates, without faults, its phase-id stage loading the benchmark's own identifier
/// (<see cref="PhaseMapModelFolder"/>). As in the example, the engine refills each of the <see cref="BatchSize"/> slots as
/// it frees (the strategy told the points still in flight) unless <c>synchronousBatches</c> asks for whole batches; either
/// way the curves score the first n observations in sequence order, n a multiple of <see cref="BatchSize"/>. The grids, which no strategy
/// proposes, are measured on <see cref="PhaseMapLab"/> directly; both paths simulate the same samples and scans, and
/// every design is scored by the same <see cref="PhaseMapReconstruction"/>.</para>
/// </remarks>
/// <param name="prefix">The outputs mapped: <see cref="PhaseMapLab.PresencePrefix"/> (default, as in the example) or <see cref="PhaseMapLab.FractionPrefix"/>.</param>
/// <param name="level">The level at which a kriged output calls its phase present: ½ for presence probabilities, the detection level for fractions.</param>
/// <param name="synchronousBatches">Run the designs with <c>batch_mode: synchronous</c> instead of the example's refills (<see cref="PhaseMapSpec.Build"/>).</param>
/// <param name="hull">Reconstruct every design under thermodynamic constraints (<see cref="PhaseMapHullReconstruction"/>) instead of kriging it; the benchmark is then <c>phase_map_hull</c>.</param>
public sealed class PhaseMapBenchmark(string prefix = PhaseMapLab.PresencePrefix, double level = 0.5, bool synchronousBatches = false, bool hull = false) : ICampaignBenchmark
{
    // Each campaign and grid is measured once per process, so phase_map and phase_map_hull score the same measurements
    // (a campaign's refills follow the engine's timing, so two processes can measure slightly different campaigns).
    private static readonly Dictionary<string, IReadOnlyList<Observation>> Measured = [];

    /// <summary>The figure's target: the grid's accuracy with at most 30 % of its samples.</summary>
    public const double TargetFraction = 0.3;

    /// <summary>Suggestions per batch for the strategies.</summary>
    public const int BatchSize = 4;

    /// <inheritdoc/>
    public string Name => hull ? "phase_map_hull" : "phase_map";

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

        // The designs a strategy chooses are campaigns through the engine, their phase-id stage reading this very
        // identifier from a temporary registry; the grids, which no strategy proposes, are measured on the lab directly.
        IReadOnlyList<Observation> mapped;
        IReadOnlyList<Observation> random;
        using (PhaseMapModelFolder model = PhaseMapModelFolder.Save(identifier, source))
        {
            mapped = Cached($"{source}|{quick}|{seed}|{PhaseMapStrategy.StrategyName}|{prefix}|{level}|{synchronousBatches}", () => Campaign(PhaseMapStrategy.StrategyName, mapLab, model.Registry, budget, seed));
            random = Cached($"{source}|{quick}|{seed}|{RandomStrategy.StrategyName}|{prefix}|{level}|{synchronousBatches}", () => Campaign(RandomStrategy.StrategyName, mapLab, model.Registry, budget, seed));
        }

        // Scored at the same sample counts as the batches of the ask-tell loop were, though the engine refills one
        // experiment at a time: the first n observations in sequence order.
        int[] counts = [.. Enumerable.Range(2, (budget / BatchSize) - 1).Select(b => b * BatchSize)];
        // The hull is fitted to presence calls whichever outputs the strategy maps.
        var hullMap = new PhaseMapHullReconstruction(DiagramPhaseLibrary.Of(diagram, identifier.PhaseNames), mapLab.Outputs(PhaseMapLab.PresencePrefix));
        double[] Curve(IEnumerable<IReadOnlyList<Observation>> designs) => hull
            ? hullMap.Curve(designs, lattice, truth, PhaseMapLab.DetectionLevel, seed)
            : [.. designs.Select(d => PhaseMapReconstruction.Accuracy(d, outputs, level, lattice, truth, seed))];
        double[] mapCurve = Curve(counts.Select(n => (IReadOnlyList<Observation>)[.. mapped.Take(n)]));
        double[] randomCurve = Curve(counts.Select(n => (IReadOnlyList<Observation>)[.. random.Take(n)]));

        int[] gridDivisionsCurve = quick ? [4, 6, 8, 10] : [4, 6, 8, 10, 14, 20];
        var gridLab = new PhaseMapLab(identifier, seed + 2_000_000L);
        // One lab measures the grids in turn, so they are cached one by one but always made in this order.
        double[] gridCurve = Curve([.. gridDivisionsCurve.Select(n => Cached($"{source}|{quick}|{seed}|grid|{n}", () => MeasureGrid(gridLab, n)))]);
        double gridAccuracy = gridCurve[^1];
        IReadOnlyList<Observation> finestGrid = Cached($"{source}|{quick}|{seed}|finest grid", () => MeasureGrid(new PhaseMapLab(identifier, seed + 3_000_000L), gridDivisions));
        double identifierAccuracy = finestGrid.Count(o => MeasuredLabel(o, outputs, level) == PhaseMapLab.TruthLabel(diagram, o.Parameters.Values["Fe"], o.Parameters.Values["Ni"], identifier.PhaseNames)) / (double)finestGrid.Count;

        int mapReach = Array.FindIndex(mapCurve, a => a >= gridAccuracy);
        int randomReach = Array.FindIndex(randomCurve, a => a >= gridAccuracy);
        int atTarget = Array.FindLastIndex(counts, n => n <= targetCount);
        int at30 = Math.Max(atTarget, 0);
        int gridMatch = Array.FindIndex(gridCurve, a => a >= mapCurve[at30]);
        var baselines = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["grid_samples"] = gridCount,
            ["grid_accuracy"] = gridAccuracy,
            ["phase_map_samples_to_grid_accuracy"] = mapReach < 0 ? double.PositiveInfinity : counts[mapReach],
            ["random_samples_to_grid_accuracy"] = randomReach < 0 ? double.PositiveInfinity : counts[randomReach],
            ["samples_at_30_percent"] = counts[at30],
            ["phase_map_accuracy_at_30_percent"] = mapCurve[at30],
            ["random_accuracy_at_30_percent"] = randomCurve[at30],
            ["grid_samples_to_phase_map_accuracy_at_30_percent"] = gridMatch < 0 ? double.PositiveInfinity : PhaseMapLab.LatticeSize(gridDivisionsCurve[gridMatch]),
            ["phase_map_final_accuracy"] = mapCurve[^1],
            ["random_final_accuracy"] = randomCurve[^1],
            ["true_phase_sets"] = truth.Distinct().Count(),
            ["identifier_exact_set_accuracy_on_grid"] = identifierAccuracy,
        };
        string demixed = "";
        if (!hull)
        {
            // The kriged map's own uncertainty, and the library's NMF, which phase_map reports for both benchmarks.
            baselines["phase_map_uncertainty_at_30_percent"] = PhaseMapReconstruction.Uncertainty([.. mapped.Take(counts[at30])], outputs, level, lattice, seed);
            baselines["random_uncertainty_at_30_percent"] = PhaseMapReconstruction.Uncertainty([.. random.Take(counts[at30])], outputs, level, lattice, seed);
            // The engine's run folder (and its patterns) is gone, so the library is the campaign's compositions measured
            // again on the lab: the same samples up to scatter and counting noise.
            int librarySize = Math.Max(targetCount, counts[0]);
            foreach (Observation observation in mapped.Take(librarySize))
            {
                mapLab.Measure(observation.Parameters);
            }

            PhaseMapDemixing demixing = PhaseMapDemixing.Of(mapLab, mapped, diagram, librarySize, seed);
            baselines["nmf_selected_rank"] = demixing.SelectedRank;
            baselines["nmf_phases_in_library"] = demixing.PhasesInLibrary;
            baselines["nmf_mean_matched_cosine"] = demixing.MeanCosine;
            demixed = string.Create(CultureInfo.InvariantCulture, $"; NMFk on the first {demixing.LibrarySize} compositions of the phase-map campaign, measured again on the lab");
        }

        string reconstruction = hull
            ? string.Create(CultureInfo.InvariantCulture, $"every design reconstructed by the same fit of the known phases' formation energies to its presence calls (lower convex hull, lever rule; {new PhaseHullFitOptions().Restarts} random starts plus the previous fit's energies), the phase set where the hull's fraction reaches {PhaseMapLab.DetectionLevel},")
            : "every design kriged by the same per-phase GPs";
        return new CampaignFigure
        {
            Name = Name,
            Seed = seed,
            Metric = hull
                ? "samples the phase-map strategy needs to reach the composition grid's phase-map accuracy / the grid's samples (accuracy = share of a dense lattice whose phase set, read from the convex hull fitted to the presence calls, equals the equilibrium set)"
                : "samples the phase-map strategy needs to reach the composition grid's phase-map accuracy / the grid's samples (accuracy = share of a dense lattice whose kriged phase set equals the equilibrium set)",
            Value = mapReach < 0 ? double.PositiveInfinity : counts[mapReach] / (double)gridCount,
            Target = TargetFraction,
            Comparison = TargetComparison.AtMost,
            Baselines = baselines,
            Series = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
            {
                ["samples"] = [.. counts.Select(n => (double)n)],
                ["phase_map_accuracy"] = mapCurve,
                ["random_accuracy"] = randomCurve,
                ["grid_samples"] = [.. gridDivisionsCurve.Select(n => (double)PhaseMapLab.LatticeSize(n))],
                ["grid_accuracy"] = gridCurve,
            },
            Method = string.Create(CultureInfo.InvariantCulture,
                $"phase-map and random each a campaign through the engine (in-memory bus, synthesis robot and diffractometer on the virtual clock, no faults, phase-id stage, journal; campaign and instrument seed = the run's seed); the grids measured on the simulated lab directly; " +
                $"identifier '{source}' ({identifier.PhaseNames.Count} phases, {identifier.Manifest.Options.EnsembleSize} members), the same model in the lab and in the engine's phase-id stage; " +
                $"Fe-Ni-Al compositions with {PhaseMapLab.CompositionScatter * 100} at.% scatter, {mapLab.CrystalliteSize:G4} nm crystallites, {PhaseMapLab.CountTime} s per 2θ point over {identifier.Manifest.Grid.Start}–{identifier.Manifest.Grid.Stop}°; " +
                $"phase-map ({prefix} outputs, level {level}) and random with {BatchSize} experiments in flight ({(synchronousBatches ? "synchronous batches" : "each slot refilled as it frees")}) to {budget} samples, scored after every {BatchSize} in sequence order; simplex grids of {string.Join(", ", gridDivisionsCurve.Select(PhaseMapLab.LatticeSize))} compositions; " +
                $"{reconstruction} and scored on a {PhaseMapLab.LatticeSize(TruthDivisions(quick))}-point lattice against equilibrium phases with fraction ≥ {PhaseMapLab.DetectionLevel}{demixed}"),
        };
    }

    /// <summary>Runs one design as a campaign through the engine and returns its observations in sequence order.</summary>
    private IReadOnlyList<Observation> Campaign(string strategy, PhaseMapLab lab, string registry, int budget, int seed)
    {
        string spec = PhaseMapSpec.Build(strategy, lab, registry, budget, BatchSize, seed, prefix, level, synchronousBatches);
        EngineCampaignResult run = EngineCampaign.RunAsync(spec, $"phase-map-{strategy}-{seed}").GetAwaiter().GetResult();
        int succeeded = run.Observations.Count(o => o.Succeeded);
        if (run.Ended.Outcome != CampaignOutcome.Completed || succeeded != budget)
        {
            throw new InvalidOperationException($"the {strategy} phase-mapping campaign of seed {seed} ended {run.Ended.Outcome} ({run.Ended.Reason}) with {succeeded} of {budget} samples measured");
        }

        return [.. run.Observations.Where(o => o.Succeeded)];
    }

    /// <summary>A measurement made once per process: the first call for a key measures, later ones reuse it.</summary>
    private static IReadOnlyList<Observation> Cached(string key, Func<IReadOnlyList<Observation>> measure)
    {
        lock (Measured)
        {
            if (Measured.TryGetValue(key, out IReadOnlyList<Observation>? done))
            {
                return done;
            }
        }

        IReadOnlyList<Observation> observations = measure();
        lock (Measured)
        {
            Measured[key] = observations;
        }

        return observations;
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
