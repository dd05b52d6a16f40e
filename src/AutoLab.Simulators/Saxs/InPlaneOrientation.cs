namespace AutoLab.Simulators.Saxs;

/// <summary>
/// Alignment of anisotropic particles whose symmetry axes lie in the film plane, seen by a detector cut along q.
/// </summary>
/// <remarks>
/// The axis makes an in-plane angle θ with the scattering vector, distributed as a Gaussian of mean
/// <see cref="AngleDegrees"/> and standard deviation <see cref="SpreadDegrees"/>; without it (null on
/// <see cref="SaxsSample.Orientation"/>) particles are isotropic and the form factor is averaged over the sphere.
/// </remarks>
/// <param name="AngleDegrees">Mean angle between the particle axis and q (degrees); 0 puts the axis along q.</param>
/// <param name="SpreadDegrees">Standard deviation of the angle (degrees), not negative.</param>
public sealed record InPlaneOrientation(double AngleDegrees, double SpreadDegrees);
