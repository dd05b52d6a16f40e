namespace AutoLab.Simulators.Saxs;

/// <summary>Gauss–Legendre quadrature nodes and weights on an interval.</summary>
/// <remarks>
/// An n-point rule integrates polynomials of degree 2n − 1 exactly (Abramowitz and Stegun 25.4.29), which
/// is why a few dozen nodes suffice for the smooth orientation and size averages of the scattering models.
/// </remarks>
public sealed class GaussLegendre
{
    private GaussLegendre(double[] nodes, double[] weights)
    {
        Nodes = nodes;
        Weights = weights;
    }

    /// <summary>Abscissae, ascending.</summary>
    public IReadOnlyList<double> Nodes { get; }

    /// <summary>Weights; they sum to the interval's length.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Builds an <paramref name="count"/>-point rule on [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="count">Number of nodes, at least 1.</param>
    /// <param name="lower">Lower end of the interval.</param>
    /// <param name="upper">Upper end of the interval.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static GaussLegendre Create(int count, double lower = -1.0, double upper = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double[] nodes = new double[count];
        double[] weights = new double[count];
        double half = 0.5 * (upper - lower);
        double middle = 0.5 * (upper + lower);
        for (int i = 0; i < (count + 1) / 2; i++)
        {
            // Newton's method on P_n from the Chebyshev-like first guess; converges in a handful of steps.
            double x = Math.Cos(Math.PI * (i + 0.75) / (count + 0.5));
            double derivative = 0.0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                (double value, derivative) = Legendre(count, x);
                double step = value / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-15)
                {
                    (_, derivative) = Legendre(count, x);
                    break;
                }
            }

            double weight = 2.0 / ((1.0 - (x * x)) * derivative * derivative);
            nodes[i] = middle - (half * x);
            nodes[count - 1 - i] = middle + (half * x);
            weights[i] = half * weight;
            weights[count - 1 - i] = half * weight;
        }

        return new GaussLegendre(nodes, weights);
    }

    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        double previous = 1.0;
        double current = x;
        for (int k = 2; k <= n; k++)
        {
            double next = (((2 * k) - 1) * x * current - ((k - 1) * previous)) / k;
            previous = current;
            current = next;
        }

        if (n == 0)
        {
            return (1.0, 0.0);
        }

        return (current, n * ((x * current) - previous) / ((x * x) - 1.0));
    }
}
