namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// A rectangular vacuum-chamber aperture, checked at the start of the ring once per turn: it stands for
/// the machine's limiting aperture referred to the observation point.
/// </summary>
/// <param name="HalfWidth">Horizontal half-aperture (m).</param>
/// <param name="HalfHeight">Vertical half-aperture (m).</param>
public sealed record PhysicalAperture(double HalfWidth, double HalfHeight)
{
    /// <summary>The default: ±35 mm horizontally, ±15 mm vertically; wide enough that the built-in ring's horizontal dynamic aperture, not the chamber, sets the limit.</summary>
    public static PhysicalAperture Default { get; } = new(0.035, 0.015);

    /// <summary>Throws when a half-aperture is not finite and positive.</summary>
    /// <exception cref="ArgumentException">A half-aperture is invalid.</exception>
    public void Validate()
    {
        if (!(HalfWidth > 0.0) || !(HalfHeight > 0.0) || !double.IsFinite(HalfWidth) || !double.IsFinite(HalfHeight))
        {
            throw new ArgumentException($"physical aperture ±{HalfWidth} m × ±{HalfHeight} m must have finite positive half-apertures");
        }
    }
}
