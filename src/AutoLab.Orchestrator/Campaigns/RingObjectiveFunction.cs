using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Instrument;
using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// The storage-ring simulator as a function from a sextupole setting to the instrument's readings:
/// the same lattice, knobs and <see cref="RingEvaluator"/> that <see cref="RingInstrument"/> serves on the bus.
/// </summary>
/// <remarks>
/// Results are cached by the exact knob values: the evaluation is deterministic (no behaviour noise here),
/// and strategies started from the same seed share their initial design, so the second strategy's first
/// generation costs no tracking. <see cref="Evaluations"/> counts tracked settings, <see cref="Requests"/> all calls.
/// </remarks>
public sealed class RingObjectiveFunction
{
    private readonly Lattice _lattice = BuiltinLattices.Dba();
    private readonly RingEvaluationSettings _settings;
    private readonly Dictionary<string, IReadOnlyDictionary<string, double>> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the function.</summary>
    /// <param name="settings">What one evaluation tracks (turns, rays, k-section, off-momentum δ).</param>
    public RingObjectiveFunction(RingEvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>The knobs: the built-in ring's four sextupole families with their power-supply limits.</summary>
    public static IReadOnlyList<RingKnob> Knobs => RingSimulatorOptions.DefaultKnobs;

    /// <summary>The search space: one continuous parameter per knob, bounded by its supply's limits (the safety envelope).</summary>
    public static IReadOnlyList<ParameterDefinition> Space { get; } =
    [
        .. RingSimulatorOptions.DefaultKnobs.Select(k => new ParameterDefinition
        {
            Name = k.Parameter,
            Kind = ParameterKind.Continuous,
            Lower = k.Minimum,
            Upper = k.Maximum,
            Unit = RingKnob.Unit,
        }),
    ];

    /// <summary>Settings tracked so far (cache misses).</summary>
    public int Evaluations { get; private set; }

    /// <summary>Calls so far, cached ones included.</summary>
    public int Requests { get; private set; }

    /// <summary>The ring's own setting: each knob at its family's strength in the lattice as built (chromaticity corrected to about +1, harmonic families off).</summary>
    /// <returns>The point.</returns>
    public ParameterPoint AsBuilt() => new()
    {
        Values = Knobs.ToDictionary(k => k.Parameter, k => _lattice.SextupoleStrength(k.Family), StringComparer.Ordinal),
    };

    /// <summary>Tracks the ring at <paramref name="point"/> and returns the readings the instrument would report.</summary>
    /// <param name="point">One value per knob parameter (K2, 1/m³).</param>
    /// <returns>Readings keyed as <see cref="RingReadingKeys"/>.</returns>
    /// <exception cref="ArgumentException">A knob is missing or outside its supply's limits.</exception>
    public IReadOnlyDictionary<string, double> Evaluate(ParameterPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        Requests++;
        var strengths = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (RingKnob knob in Knobs)
        {
            if (!point.Values.TryGetValue(knob.Parameter, out double k2) || !(k2 >= knob.Minimum && k2 <= knob.Maximum))
            {
                throw new ArgumentException($"knob '{knob.Parameter}' is missing or outside [{knob.Minimum}, {knob.Maximum}]", nameof(point));
            }

            strengths[knob.Family] = k2;
        }

        string key = string.Join(',', Knobs.Select(k => point.Values[k.Parameter].ToString("R", CultureInfo.InvariantCulture)));
        if (_cache.TryGetValue(key, out IReadOnlyDictionary<string, double>? cached))
        {
            return cached;
        }

        RingEvaluationResult result = RingEvaluator.Evaluate(_lattice.WithSextupoleStrengths(strengths), _settings);
        IReadOnlyDictionary<string, double> readings = RingInstrument.Readings(result);
        _cache[key] = readings;
        Evaluations++;
        return readings;
    }
}
