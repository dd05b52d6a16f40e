using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Bounded simulated binary crossover, SBX (Deb and Agrawal 1995; the bounded form of Deb's NSGA-II code).</summary>
/// <remarks>
/// Each variable crosses with probability 0.5 (as DEAP's <c>cxSimulatedBinaryBounded</c> and Deb's code do);
/// the spread factor β_q is drawn so that children stay inside the bounds, with a distribution index η
/// (larger η: children closer to their parents). The two children swap sides with probability 0.5.
/// </remarks>
public static class SimulatedBinaryCrossover
{
    /// <summary>Crosses two parents in place, turning them into two children.</summary>
    /// <param name="a">First parent, becomes the first child.</param>
    /// <param name="b">Second parent, becomes the second child.</param>
    /// <param name="lower">Lower bound of each variable.</param>
    /// <param name="upper">Upper bound of each variable.</param>
    /// <param name="eta">Distribution index η &gt; 0.</param>
    /// <param name="random">The generator.</param>
    public static void Apply(Span<double> a, Span<double> b, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double eta, SplitMix64 random)
    {
        double exponent = 1.0 / (eta + 1.0);
        for (int i = 0; i < a.Length; i++)
        {
            if (random.NextDouble() > 0.5 || Math.Abs(a[i] - b[i]) <= 1e-14)
            {
                continue;
            }

            double x1 = Math.Min(a[i], b[i]);
            double x2 = Math.Max(a[i], b[i]);
            double xl = lower[i];
            double xu = upper[i];
            double u = random.NextDouble();

            double betaQ = SpreadFactor(1.0 + (2.0 * (x1 - xl) / (x2 - x1)), u, eta, exponent);
            double c1 = 0.5 * (x1 + x2 - (betaQ * (x2 - x1)));
            betaQ = SpreadFactor(1.0 + (2.0 * (xu - x2) / (x2 - x1)), u, eta, exponent);
            double c2 = 0.5 * (x1 + x2 + (betaQ * (x2 - x1)));
            c1 = Math.Clamp(c1, xl, xu);
            c2 = Math.Clamp(c2, xl, xu);
            if (random.NextDouble() <= 0.5)
            {
                a[i] = c2;
                b[i] = c1;
            }
            else
            {
                a[i] = c1;
                b[i] = c2;
            }
        }
    }

    private static double SpreadFactor(double beta, double u, double eta, double exponent)
    {
        double alpha = 2.0 - Math.Pow(beta, -(eta + 1.0));
        return u <= 1.0 / alpha
            ? Math.Pow(u * alpha, exponent)
            : Math.Pow(1.0 / (2.0 - (u * alpha)), exponent);
    }
}
