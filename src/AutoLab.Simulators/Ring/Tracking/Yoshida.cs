namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// Coefficients of the 4th-order symplectic integrator of Forest and Ruth (Physica D 43, 105, 1990) in
/// Yoshida's composition form (Phys. Lett. A 150, 262, 1990): drift c1, kick d1, drift c2, kick d2,
/// drift c2, kick d1, drift c1 per step.
/// </summary>
internal static class Yoshida
{
    private static readonly double CubeRootOfTwo = Math.Cbrt(2.0);

    /// <summary>w1 = 1/(2 − 2^(1/3)).</summary>
    public static readonly double W1 = 1.0 / (2.0 - CubeRootOfTwo);

    /// <summary>w0 = −2^(1/3)/(2 − 2^(1/3)); negative, so the middle kick goes backwards.</summary>
    public static readonly double W0 = -CubeRootOfTwo / (2.0 - CubeRootOfTwo);

    public static readonly double C1 = W1 / 2.0;

    public static readonly double C2 = (W0 + W1) / 2.0;

    public static readonly double D1 = W1;

    public static readonly double D2 = W0;
}
