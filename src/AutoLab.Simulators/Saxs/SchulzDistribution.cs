namespace AutoLab.Simulators.Saxs;

/// <summary>Quadrature over the Schulz (Flory–Schulz, gamma) distribution of particle sizes, number-weighted.</summary>
/// <remarks>
/// The number density of size r is f(r) ∝ r^z exp(−(z + 1) r / R̄) with z = 1/p² − 1 for mean R̄ and relative
/// standard deviation p (Schulz 1939; Kotlarchyk and Chen 1983). The nodes are Gauss–Legendre points on
/// [R̄ − 5σ, R̄ + 7σ] (cut at a small positive size; the distribution is skewed to large sizes), weighted by
/// f and normalised to sum to 1, so the Gamma-function prefactor is never needed.
/// </remarks>
public static class SchulzDistribution
{
    /// <summary>Fewest quadrature nodes of a polydisperse size average.</summary>
    public const int MinNodes = 32;

    /// <summary>Most quadrature nodes of a polydisperse size average.</summary>
    public const int MaxNodes = 1024;

    /// <summary>Nodes needed to average a form factor at <paramref name="q"/> without aliasing.</summary>
    /// <param name="mean">Mean size R̄ (Å).</param>
    /// <param name="polydispersity">σ/R̄; 0 needs one node.</param>
    /// <param name="q">Scattering vector magnitude (Å⁻¹).</param>
    /// <returns>A multiple of 16 in [<see cref="MinNodes"/>, <see cref="MaxNodes"/>], or 1 when monodisperse.</returns>
    /// <remarks>
    /// P(qr) oscillates in r with period π/q, so the window holds q·width/π periods; three nodes per period keep
    /// the Gauss–Legendre sum from aliasing those oscillations into a spurious tail (it did: a 32-node rule bent
    /// the Porod slope at qR = 200).
    /// </remarks>
    public static int NodeCount(double mean, double polydispersity, double q)
    {
        if (polydispersity < 1e-6)
        {
            return 1;
        }

        (double lower, double upper) = Window(mean, polydispersity);
        double periods = q * (upper - lower) / Math.PI;
        int count = 16 + (int)Math.Ceiling(3.0 * periods);
        return Math.Clamp(((count + 15) / 16) * 16, MinNodes, MaxNodes);
    }

    /// <summary>Size nodes and number weights (summing to 1) for mean <paramref name="mean"/> and relative spread <paramref name="polydispersity"/>.</summary>
    /// <param name="mean">Mean size R̄ (Å).</param>
    /// <param name="polydispersity">σ/R̄ in [0, 1); 0 gives the single node R̄.</param>
    /// <param name="count">Number of nodes when polydisperse.</param>
    /// <returns>Sizes (Å) and their number fractions.</returns>
    public static (double[] Sizes, double[] Weights) Nodes(double mean, double polydispersity, int count = MinNodes)
    {
        if (polydispersity < 1e-6)
        {
            return ([mean], [1.0]);
        }

        double z = (1.0 / (polydispersity * polydispersity)) - 1.0;
        (double lower, double upper) = Window(mean, polydispersity);
        var rule = GaussLegendre.Create(count, lower, upper);
        double[] sizes = [.. rule.Nodes];
        double[] logDensity = new double[count];
        double largest = double.NegativeInfinity;
        for (int i = 0; i < count; i++)
        {
            double x = sizes[i] / mean;
            logDensity[i] = (z * Math.Log(x)) - ((z + 1.0) * x) + Math.Log(rule.Weights[i]);
            largest = Math.Max(largest, logDensity[i]);
        }

        // Subtract the largest logarithm before exponentiating: z reaches ~1e4 for narrow distributions.
        double[] weights = new double[count];
        double sum = 0.0;
        for (int i = 0; i < count; i++)
        {
            weights[i] = Math.Exp(logDensity[i] - largest);
            sum += weights[i];
        }

        for (int i = 0; i < count; i++)
        {
            weights[i] /= sum;
        }

        return (sizes, weights);
    }

    /// <summary>Integration window [R̄ − 5σ, R̄ + 7σ], cut at 10⁻³ R̄.</summary>
    /// <param name="mean">Mean size R̄ (Å).</param>
    /// <param name="polydispersity">σ/R̄.</param>
    /// <returns>The window's ends (Å).</returns>
    public static (double Lower, double Upper) Window(double mean, double polydispersity)
    {
        double sigma = polydispersity * mean;
        return (Math.Max(1e-3 * mean, mean - (5.0 * sigma)), mean + (7.0 * sigma));
    }
}
