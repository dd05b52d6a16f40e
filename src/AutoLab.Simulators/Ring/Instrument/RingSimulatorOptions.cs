using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Instrument;

/// <summary>Defaults of a <see cref="RingInstrument"/>: the lattice, its knobs with power-supply limits, the scan and the behaviour.</summary>
public sealed class RingSimulatorOptions
{
    /// <summary>Default host time limit per command; a DA evaluation takes about a second.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The ring; the built-in double-bend achromat when null.</summary>
    public Lattice? Lattice { get; set; }

    /// <summary>Knobs; when empty, the built-in ring's four families (see <see cref="DefaultKnobs"/>).</summary>
    public IList<RingKnob> Knobs { get; } = [];

    /// <summary>What one measurement computes.</summary>
    public RingEvaluationSettings Evaluation { get; set; } = new();

    /// <summary>Latency, drift (of every knob's delivered K2, in 1/m³ per hour), extra noise on readings, faults and seed.</summary>
    public BehaviourOptions Behaviour { get; set; } = new();

    /// <summary>Commands the registered instrument runs at once; one ring, one setting at a time.</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Host time limit per command, or null for none.</summary>
    public TimeSpan? OperationTimeout { get; set; } = DefaultOperationTimeout;

    /// <summary>Steps the registered instrument serves.</summary>
    public InstrumentCapabilities Capabilities { get; set; } = InstrumentCapabilities.Measure;

    /// <summary>
    /// The built-in ring's knobs: chromatic families SF ∈ [60, 140] and SD ∈ [−140, −60], harmonic families
    /// SH1 and SH2 ∈ [−150, 150] (K2 in 1/m³): the power-supply limits are the safety envelope.
    /// </summary>
    public static IReadOnlyList<RingKnob> DefaultKnobs { get; } =
    [
        new("k2_sf", "SF", 60.0, 140.0),
        new("k2_sd", "SD", -140.0, -60.0),
        new("k2_sh1", "SH1", -150.0, 150.0),
        new("k2_sh2", "SH2", -150.0, 150.0),
    ];

    /// <summary>The knobs in effect: <see cref="Knobs"/>, or <see cref="DefaultKnobs"/> when empty.</summary>
    /// <returns>The knobs.</returns>
    public IReadOnlyList<RingKnob> EffectiveKnobs() => Knobs.Count > 0 ? [.. Knobs] : DefaultKnobs;

    /// <summary>Throws when the options are inconsistent: a knob names a family the lattice lacks, limits are reversed, or behaviour is invalid.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        Lattice lattice = Lattice ?? BuiltinLattices.Dba();
        Behaviour.Validate();
        Evaluation.Aperture.Validate();
        Evaluation.DynamicAperture.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        foreach (RingKnob knob in EffectiveKnobs())
        {
            _ = lattice.SextupoleStrength(knob.Family);
            if (!(knob.Minimum <= knob.Maximum) || !double.IsFinite(knob.Minimum) || !double.IsFinite(knob.Maximum))
            {
                throw new ArgumentException($"knob '{knob.Parameter}' has limits [{knob.Minimum}, {knob.Maximum}]; they must be finite with minimum ≤ maximum");
            }
        }

        if (EffectiveKnobs().Select(k => k.Parameter).Distinct(StringComparer.Ordinal).Count() != EffectiveKnobs().Count)
        {
            throw new ArgumentException("two knobs share a parameter name");
        }
    }
}
