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
