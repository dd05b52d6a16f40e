using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Bounded polynomial mutation (Deb and Goyal 1996, the bounded form of Deb's NSGA-II code and DEAP's <c>mutPolynomialBounded</c>).</summary>
/// <remarks>Each variable mutates with a given probability, by a step whose distribution (index η) shrinks near the bounds so the result stays inside.</remarks>
public static class PolynomialMutation
{
    /// <summary>Mutates an individual in place.</summary>
    /// <param name="x">The variables.</param>
    /// <param name="lower">Lower bound of each variable.</param>
    /// <param name="upper">Upper bound of each variable.</param>
    /// <param name="eta">Distribution index η &gt; 0.</param>
    /// <param name="probability">Probability that each variable mutates, in [0, 1].</param>
    /// <param name="random">The generator.</param>
    public static void Apply(Span<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double eta, double probability, SplitMix64 random)
    {
        double exponent = 1.0 / (eta + 1.0);
        for (int i = 0; i < x.Length; i++)
        {
            if (random.NextDouble() > probability)
            {
                continue;
            }

            double xl = lower[i];
            double xu = upper[i];
            double range = xu - xl;
            double u = random.NextDouble();
            double deltaQ;
            if (u < 0.5)
            {
                double xy = 1.0 - ((x[i] - xl) / range);
                double value = (2.0 * u) + ((1.0 - (2.0 * u)) * Math.Pow(xy, eta + 1.0));
                deltaQ = Math.Pow(value, exponent) - 1.0;
            }
            else
            {
                double xy = 1.0 - ((xu - x[i]) / range);
                double value = (2.0 * (1.0 - u)) + (2.0 * (u - 0.5) * Math.Pow(xy, eta + 1.0));
                deltaQ = 1.0 - Math.Pow(value, exponent);
            }

            x[i] = Math.Clamp(x[i] + (deltaQ * range), xl, xu);
        }
    }
}
