namespace AutoLab.Simulators.Saxs;

/// <summary>Guinier analysis: ln I(q) = ln I(0) − q²Rg²/3 fitted at small q.</summary>
/// <remarks>
/// Guinier (1939). The fitting range is found iteratively, as automated pipelines do: fit the points before
/// the intensity first falls by a factor e^0.5 (q·Rg ≈ 1.2 for a Guinier curve, wide enough that counting noise
/// cannot flip the slope), keep those with q·Rg ≤ <see cref="MaxQRg"/>, refit, until the range stops changing. Points are weighted
/// by (I/σ)², the inverse variance of ln I, when uncertainties are given.
/// </remarks>
public static class GuinierFit
{
    /// <summary>Upper end of the Guinier range in q·Rg (1.3 for globular particles).</summary>
    public const double MaxQRg = 1.3;

    /// <summary>Fewest points a fit uses.</summary>
    public const int MinPoints = 4;

    /// <summary>Fits Rg and I(0) to the low-q end of a curve.</summary>
    /// <param name="q">Scattering vector magnitudes (Å⁻¹), ascending.</param>
    /// <param name="intensity">Intensities (cm⁻¹).</param>
    /// <param name="uncertainty">Standard deviations (cm⁻¹), or null for equal weights.</param>
    /// <returns>Rg (Å), its uncertainty and I(0) (cm⁻¹); <see cref="GuinierResult.None"/> when the low-q slope is not negative.</returns>
    /// <remarks>
    /// The slope's variance is Σw/det of the weighted normal equations when uncertainties are given, and is scaled
    /// by the residual variance when they are not; σ(Rg) = 1.5 σ(slope)/Rg since Rg = √(−3 slope).
    /// </remarks>
    public static GuinierResult Fit(IReadOnlyList<double> q, IReadOnlyList<double> intensity, IReadOnlyList<double>? uncertainty = null)
    {
        int count = InitialRange(intensity);
        (double slope, double slopeVariance, double intercept) = (double.NaN, double.NaN, double.NaN);
        for (int iteration = 0; iteration < 20; iteration++)
        {
            (slope, slopeVariance, intercept) = LineFit(q, intensity, uncertainty, count);
            if (!(slope < 0))
            {
                return GuinierResult.None;
            }

            double rg = Math.Sqrt(-3.0 * slope);
            int next = MinPoints;
            while (next < q.Count && q[next] * rg <= MaxQRg)
            {
                next++;
            }

            if (next == count)
            {
                break;
            }

            count = next;
        }

        double radius = Math.Sqrt(-3.0 * slope);
        return new GuinierResult(radius, 1.5 * Math.Sqrt(slopeVariance) / radius, Math.Exp(intercept), count);
    }

    private static int InitialRange(IReadOnlyList<double> intensity)
    {
        int head = Math.Min(3, intensity.Count);
        double start = 0.0;
        for (int i = 0; i < head; i++)
        {
            start += intensity[i] / head;
        }

        int count = MinPoints;
        while (count < intensity.Count && intensity[count] > start * Math.Exp(-0.5))
        {
            count++;
        }

        return Math.Min(count, intensity.Count);
    }

    private static (double Slope, double SlopeVariance, double Intercept) LineFit(IReadOnlyList<double> q, IReadOnlyList<double> intensity, IReadOnlyList<double>? uncertainty, int count)
    {
        bool weighted = uncertainty is not null && Enumerable.Range(0, count).All(i => uncertainty[i] > 0);
        double sw = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
        int used = 0;
        for (int i = 0; i < count; i++)
        {
            if (!(intensity[i] > 0))
            {
                continue;
            }

            double x = q[i] * q[i];
            double y = Math.Log(intensity[i]);
            double w = weighted ? Math.Pow(intensity[i] / uncertainty![i], 2) : 1.0;
            sw += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            sxy += w * x * y;
            used++;
        }

        double determinant = (sw * sxx) - (sx * sx);
        if (!(determinant > 0) || used < 3)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double slope = ((sw * sxy) - (sx * sy)) / determinant;
        double intercept = (sy - (slope * sx)) / sw;
        double variance = sw / determinant;
        if (!weighted)
        {
            // Unknown errors: estimate them from the scatter about the line (n − 2 degrees of freedom).
            double residuals = 0.0;
            for (int i = 0; i < count; i++)
            {
                if (intensity[i] > 0)
                {
                    double r = Math.Log(intensity[i]) - intercept - (slope * q[i] * q[i]);
                    residuals += r * r;
                }
            }

            variance *= residuals / (used - 2);
        }

        return (slope, variance, intercept);
    }
}
