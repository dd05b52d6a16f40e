namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>
/// The standard normal density and distribution with the tail-stable logarithms that expected and
/// probability of improvement need.
/// </summary>
/// <remarks>
/// erfc uses its all-positive series (Abramowitz and Stegun 7.1.6) below 2 and its continued fraction
/// (A&amp;S 7.1.14) above, so Φ(z) keeps full relative precision in the lower tail. For z ≤ −3 the
/// expected-improvement factor h(z) = φ(z) + zΦ(z) loses digits to cancellation; there
/// h = φ(z)·a/(t + a) with t = −z and a the tail of Laplace's continued fraction for the Mills ratio
/// R(t) = Φ(−t)/φ(t) = 1/(t + a), which has no cancellation (the log-EI idea of Ament et al. 2023).
/// </remarks>
internal static class NormalDistribution
{
    private const double TailSwitch = -3.0;
    private const int FractionDepth = 200;
    private static readonly double InverseSqrtTwoPi = 1.0 / Math.Sqrt(2.0 * Math.PI);
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2.0 * Math.PI);
    private static readonly double TwoOverSqrtPi = 2.0 / Math.Sqrt(Math.PI);
    private static readonly double InverseSqrtPi = 1.0 / Math.Sqrt(Math.PI);

    /// <summary>φ(z).</summary>
    internal static double Pdf(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>Φ(z).</summary>
    internal static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2.0));

    /// <summary>Φ⁻¹(p), the standard normal quantile, for 0 &lt; p &lt; 1.</summary>
    /// <remarks>
    /// Acklam's rational approximation (relative error 1.15·10⁻⁹) refined by one Halley step on Φ(z) − p, which
    /// brings it to about machine precision; used to turn scrambled Sobol points into normal base samples.
    /// </remarks>
    internal static double InverseCdf(double p)
    {
        if (!(p > 0.0 && p < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "the normal quantile needs 0 < p < 1");
        }

        const double Low = 0.02425;
        double z;
        if (p < Low || p > 1.0 - Low)
        {
            double q = Math.Sqrt(-2.0 * Math.Log(Math.Min(p, 1.0 - p)));
            z = Horner(q, -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
                / Horner(q, 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1.0);
            z = p < Low ? z : -z;
        }
        else
        {
            double q = p - 0.5;
            double r = q * q;
            z = q * Horner(r, -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
                / Horner(r, -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1.0);
        }

        double error = Cdf(z) - p;
        double u = error / Pdf(z);
        return z - (u / (1.0 + (0.5 * z * u)));
    }

    /// <summary>A polynomial by Horner's rule, highest power first.</summary>
    private static double Horner(double x, params ReadOnlySpan<double> coefficients)
    {
        double sum = 0.0;
        foreach (double c in coefficients)
        {
            sum = (sum * x) + c;
        }

        return sum;
    }

    /// <summary>The complementary error function.</summary>
    internal static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0.0)
        {
            return 2.0 - Erfc(-x);
        }

        if (x < 2.0)
        {
            // erf(x) = (2/√π) e^(−x²) Σ (2x²)ⁿ x / (1·3·…·(2n+1)); every term is positive.
            double term = x;
            double sum = x;
            double twoX2 = 2.0 * x * x;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++)
            {
                term *= twoX2 / ((2 * n) + 1);
                sum += term;
            }

            return 1.0 - (TwoOverSqrtPi * Math.Exp(-x * x) * sum);
        }

        if (x > 27.0)
        {
            return 0.0;
        }

        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
        double tail = 0.0;
        for (int k = FractionDepth; k >= 1; k--)
        {
            tail = (0.5 * k) / (x + tail);
        }

        return InverseSqrtPi * Math.Exp(-x * x) / (x + tail);
    }

    /// <summary>log h(z) with h(z) = φ(z) + zΦ(z), and d log h/dz = Φ(z)/h(z).</summary>
    internal static double LogH(double z, out double derivative)
    {
        if (z > TailSwitch)
        {
            double cdf = Cdf(z);
            double h = Pdf(z) + (z * cdf);
            derivative = cdf / h;
            return Math.Log(h);
        }

        double t = -z;
        double a = MillsTail(t);
        derivative = 1.0 / a;
        return (-0.5 * z * z) - LogSqrtTwoPi + Math.Log(a / (t + a));
    }

    /// <summary>log Φ(z), and d log Φ/dz = φ(z)/Φ(z).</summary>
    internal static double LogCdf(double z, out double derivative)
    {
        if (z > TailSwitch)
        {
            double cdf = Cdf(z);
            derivative = Pdf(z) / cdf;
            return Math.Log(cdf);
        }

        double t = -z;
        double a = MillsTail(t);
        derivative = t + a;
        return (-0.5 * z * z) - LogSqrtTwoPi - Math.Log(t + a);
    }

    /// <summary>a(t) with R(t) = 1/(t + a): a = 1/(t + 2/(t + 3/(t + …))), evaluated from the tail.</summary>
    private static double MillsTail(double t)
    {
        double tail = 0.0;
        for (int k = FractionDepth; k >= 2; k--)
        {
            tail = k / (t + tail);
        }

        return 1.0 / (t + tail);
    }
}
