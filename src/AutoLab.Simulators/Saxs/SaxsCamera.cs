using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Saxs;

/// <summary>Measures a <see cref="SaxsSample"/>: model, resolution smearing, then Poisson counting noise.</summary>
/// <remarks>
/// Expected counts at each q are N = I(q) · t · k (<see cref="SaxsCameraSettings.CountsPerSecondPerUnitIntensity"/>);
/// the measured intensity is a Poisson draw of N divided back by t · k, so its relative error is 1/√N and
/// falls as 1/√t. The uncertainty reported is √max(n, 1)/(t · k) from the drawn count n, as reduction software does.
/// </remarks>
public static class SaxsCamera
{
    /// <summary>Simulates one curve.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="settings">The camera settings.</param>
    /// <param name="random">Source of the counting noise; the same stream gives the same curve.</param>
    /// <param name="scale">Multiplies the intensity before counting (flux drift, transmission error); 1 for none.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">The sample or settings are invalid.</exception>
    public static SaxsCurve Measure(SaxsSample sample, SaxsCameraSettings settings, Random random, double scale = 1.0)
    {
        if (settings.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        double[] q = settings.Grid();
        double[] expected = new double[q.Length];
        ResolutionSmearing.Apply(sample, q, settings.RelativeResolution, expected);
        double[] measured = new double[q.Length];
        double[] uncertainty = new double[q.Length];
        double exposure = settings.CountTime * settings.CountsPerSecondPerUnitIntensity;
        for (int i = 0; i < q.Length; i++)
        {
            expected[i] *= scale;
            if (exposure == 0.0)
            {
                measured[i] = expected[i];
                continue;
            }

            double counts = random.NextPoisson(expected[i] * exposure);
            measured[i] = counts / exposure;
            uncertainty[i] = Math.Sqrt(Math.Max(counts, 1.0)) / exposure;
        }

        return new SaxsCurve(q, measured, uncertainty, expected);
    }
}
