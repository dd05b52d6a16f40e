using System.Globalization;
using System.Text;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// The campaign spec the phase-mapping benchmark runs through the engine: <c>examples/xrd-phase-mapping.yaml</c>
/// (synthesis robot, diffractometer, <c>phase-id</c>, a strategy) set up as <see cref="PhaseMapLab"/> simulates.
/// </summary>
/// <remarks>
/// <para>What matches the lab: the composition scatter (<see cref="PhaseMapLab.CompositionScatter"/>),
/// the scan (the identifier's 2θ grid at <see cref="PhaseMapLab.CountTime"/> s per point, the diffractometer's default
/// Cu Kα1 instrument, which is the training sets' default), the crystallite size (the robot's grain growth is linear in
/// the annealing temperature, so <see cref="AnnealTemperatureFor"/> picks the temperature that grows the lab's size;
/// the equilibrium phases do not depend on it), and the phase identifier (<see cref="PhaseMapModelFolder"/>, read
/// through the stage's <c>registry</c> option with <c>train: never</c>).</para>
/// <para>What differs from the example, on purpose: no injected faults (the benchmark scores designs, not recovery),
/// no synthesis latency (the example's 2 hours on the virtual clock; the benchmark reads no clock), longer step timeouts (two busy cores), and every
/// presence and fraction as an objective, as the lab reports them. The instruments draw their noise from the seed and
/// each experiment's id, so two runs of one spec draw different scatter and counts, as the lab's own streams do.</para>
/// </remarks>
public static class PhaseMapSpec
{
    /// <summary>The annealing temperature (°C) at which the synthesis robot grows crystallites of a given size.</summary>
    /// <param name="crystalliteSize">The size (nm), within the robot's grain-growth range.</param>
    /// <returns>300 °C + 700 °C × (size − minimum)/(maximum − minimum), the inverse of <see cref="SynthesisModel.Make"/>'s growth law.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is outside what the robot can grow.</exception>
    public static double AnnealTemperatureFor(double crystalliteSize)
    {
        var settings = new SynthesisSettings();
        if (!(crystalliteSize >= settings.MinimumCrystalliteSize && crystalliteSize <= settings.MaximumCrystalliteSize))
        {
            throw new ArgumentOutOfRangeException(nameof(crystalliteSize), crystalliteSize,
                $"the synthesis robot grows crystallites of {settings.MinimumCrystalliteSize}–{settings.MaximumCrystalliteSize} nm only");
        }

        double growth = (crystalliteSize - settings.MinimumCrystalliteSize) / (settings.MaximumCrystalliteSize - settings.MinimumCrystalliteSize);
        return 300.0 + (700.0 * growth);
    }

    /// <summary>Builds the spec of one design.</summary>
    /// <param name="strategy">Strategy name: <c>phase-map</c> (given <paramref name="prefix"/> and <paramref name="level"/>) or another, with its default options.</param>
    /// <param name="lab">The lab whose scan, crystallite size and outputs the campaign reproduces.</param>
    /// <param name="registry">The registry folder holding <see cref="PhaseMapModelFolder.ModelName"/>.</param>
    /// <param name="budget">Samples.</param>
    /// <param name="batchSize">Experiments in flight.</param>
    /// <param name="seed">Campaign seed (the strategy's) and the instruments' seed.</param>
    /// <param name="prefix">The outputs the phase-map strategy maps.</param>
    /// <param name="level">The level at which a kriged output calls its phase present.</param>
    /// <param name="synchronousBatches">
    /// <c>batch_mode: synchronous</c> (each batch asked for whole once the previous one has finished, as the ask-tell loop
    /// does) instead of the example's refills of each slot as it frees.
    /// </param>
    /// <param name="options">The strategy's options as given (e.g. <c>bo</c>'s <c>objective</c>), instead of the defaults above.</param>
    /// <returns>The YAML.</returns>
    public static string Build(string strategy, PhaseMapLab lab, string registry, int budget, int batchSize, long seed, string prefix, double level, bool synchronousBatches = false, IReadOnlyDictionary<string, string>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        ScanRange scan = lab.Range;
        var diffractometer = new DiffractometerSettings();
        if (lab.Instrument with { Background = diffractometer.Background } != diffractometer || !lab.Instrument.Background.SequenceEqual(diffractometer.Background))
        {
            // The spec cannot set the widths, background or scale, so a model trained on another instrument would see other patterns here than in the lab.
            throw new ArgumentException("the identifier was trained on another diffractometer than the simulator's default, which the spec cannot reproduce", nameof(lab));
        }

        string strategyOptions = options is not null
            ? "{" + string.Join(", ", options.Select(o => $"{o.Key}: \"{o.Value}\"")) + "}"
            : strategy == PhaseMapStrategy.StrategyName
                ? string.Create(CultureInfo.InvariantCulture, $"{{outputs: {prefix}, level: \"{level:R}\"}}")
                : "{}";
        var objectives = new StringBuilder();
        foreach (string name in lab.Outputs(PhaseMapLab.PresencePrefix).Concat(lab.Outputs(PhaseMapLab.FractionPrefix)))
        {
            objectives.Append(CultureInfo.InvariantCulture, $"  - {{name: {name}, direction: maximize}}\n");
        }

        return string.Create(CultureInfo.InvariantCulture, $$$"""
            name: phase-map-bench-{{{strategy}}}
            seed: {{{seed}}}
            space:
              - {name: Fe, type: continuous, bounds: [0, 1], unit: at. fraction}
              - {name: Ni, type: continuous, bounds: [0, 1], unit: at. fraction}
            constraints:
              - {label: "Fe + Ni <= 1", coefficients: {Fe: 1, Ni: 1}, upper: 1}
            steps:
              prepare:
                instrument: {{{XrdLabOptions.DefaultRobotName}}}
                timeout: 5m
                attempts: 1
                options: {composition_scatter: "{{{PhaseMapLab.CompositionScatter:R}}}", anneal_temperature_c: "{{{AnnealTemperatureFor(lab.CrystalliteSize):R}}}", clock: virtual, seed: "{{{seed}}}"}
              measure:
                instrument: {{{XrdLabOptions.DefaultDiffractometerName}}}
                timeout: 5m
                attempts: 1
                options: {two_theta_min: "{{{scan.Start:R}}}", two_theta_max: "{{{scan.Stop:R}}}", step: "{{{scan.Step:R}}}", count_time: "{{{scan.CountTime:R}}}", clock: virtual, seed: "{{{seed}}}"}
            analysis:
              - {model: phase-id, options: {model: {{{PhaseMapModelFolder.ModelName}}}, registry: '{{{registry.Replace("'", "''", StringComparison.Ordinal)}}}', train: never}}
            objectives:
            {{{objectives}}}strategy: {name: {{{strategy}}}, options: {{{strategyOptions}}}}
            budget: {{{budget}}}
            batch_size: {{{batchSize}}}
            batch_mode: {{{(synchronousBatches ? "synchronous" : "asynchronous")}}}
            """);
    }
}
