namespace AutoLab.Simulators.Ring.Instrument;

/// <summary>One knob of the ring instrument: a point parameter that sets a sextupole family, within its power supply's limits.</summary>
/// <param name="Parameter">Point parameter name, e.g. "k2_sf".</param>
/// <param name="Family">Sextupole family it sets, e.g. "SF".</param>
/// <param name="Minimum">Lowest strength the supply delivers (K2, 1/m³).</param>
/// <param name="Maximum">Highest strength the supply delivers (K2, 1/m³).</param>
public sealed record RingKnob(string Parameter, string Family, double Minimum, double Maximum)
{
    /// <summary>Unit of every knob: sextupole strength K2.</summary>
    public const string Unit = "1/m^3";
}
