using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Saxs;

/// <summary>A seeded smooth random field on the plane with values in (−1, 1): tanh of a sum of random plane waves.</summary>
/// <remarks>
/// A sum of cosines with random directions, wavelengths and phases is a standard way to draw a stationary
/// Gaussian-like field with a chosen correlation length (spectral method, Shinozuka 1971); tanh bounds it so
/// the physical fields built on it stay in range.
/// </remarks>
public sealed class SmoothField
{
    /// <summary>Plane waves summed.</summary>
    public const int Modes = 8;

    private readonly double[] _kx = new double[Modes];
    private readonly double[] _ky = new double[Modes];
    private readonly double[] _phase = new double[Modes];
    private readonly double[] _amplitude = new double[Modes];

    /// <summary>Draws a field.</summary>
    /// <param name="random">Source of the draws (8 × 4 of them).</param>
    /// <param name="correlationLength">Typical wavelength of the variation (mm); wavelengths are drawn in [0.5, 1.5] × this.</param>
    public SmoothField(Random random, double correlationLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(correlationLength);
        for (int m = 0; m < Modes; m++)
        {
            double direction = 2.0 * Math.PI * random.NextDouble();
            double wavelength = correlationLength * (0.5 + random.NextDouble());
            double k = 2.0 * Math.PI / wavelength;
            _kx[m] = k * Math.Cos(direction);
            _ky[m] = k * Math.Sin(direction);
            _phase[m] = 2.0 * Math.PI * random.NextDouble();
            // √(2/M) gives the sum a standard deviation near 1, so tanh uses most of (−1, 1) without saturating.
            _amplitude[m] = random.NextGaussian() * Math.Sqrt(2.0 / Modes);
        }
    }

    /// <summary>The field's value at a position.</summary>
    /// <param name="x">Position (mm).</param>
    /// <param name="y">Position (mm).</param>
    /// <returns>A value in (−1, 1) that varies smoothly with position.</returns>
    public double At(double x, double y)
    {
        double sum = 0.0;
        for (int m = 0; m < Modes; m++)
        {
            sum += _amplitude[m] * Math.Cos((_kx[m] * x) + (_ky[m] * y) + _phase[m]);
        }

        return Math.Tanh(sum);
    }
}
