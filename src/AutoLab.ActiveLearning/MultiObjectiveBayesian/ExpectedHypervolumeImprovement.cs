using AutoLab.ActiveLearning.Bayesian;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>
/// Exact expected hypervolume improvement of a 2-objective Gaussian prediction over a Pareto front (both
/// objectives minimised), by a box decomposition of the non-dominated region.
/// </summary>
/// <remarks>
/// With the front sorted by f₁ (a₁ &lt; … &lt; aₙ, so b₁ &gt; … &gt; bₙ) and the reference r, the region not
/// dominated by the front splits into n + 1 vertical strips: strip i spans f₁ ∈ [aᵢ, aᵢ₊₁) (a₀ = −∞,
/// aₙ₊₁ = r₁) and f₂ &lt; bᵢ (b₀ = r₂). The part of strip i that a new point y dominates is the rectangle
/// [max(y₁, aᵢ), aᵢ₊₁] × [y₂, bᵢ], whose area factorises into (aᵢ₊₁ − max(y₁, aᵢ))₊ · (bᵢ − y₂)₊. With
/// independent Gaussian y₁ and y₂ the expectation of the product is the product of expectations, and
/// (u − max(Y, l))₊ = (u − Y)₊ − (l − Y)₊, so EHVI = Σᵢ [ψ₁(aᵢ₊₁) − ψ₁(aᵢ)] ψ₂(bᵢ) with the closed form
/// ψ(c) = E[(c − Y)₊] = (c − μ)Φ(z) + σφ(z), z = (c − μ)/σ. This is the 2-D case of the cell
/// decompositions of Emmerich et al. (2011) and Yang et al. (2019), O(n) per evaluation after an
/// O(n log n) sort, and exact (no Monte Carlo). The derivatives follow from ∂ψ/∂μ = −Φ(z) and
/// ∂ψ/∂σ² = φ(z)/(2σ).
/// <seealso cref="MultiObjective.Hypervolume"/>
/// </remarks>
public sealed class ExpectedHypervolumeImprovement
{
    /// <summary>Below this variance the prediction is treated as certain (ψ(c) = (c − μ)₊).</summary>
    private const double VarianceFloor = 1e-18;

    private readonly double[] lowerF1;
    private readonly double[] upperF1;
    private readonly double[] upperF2;

    /// <summary>Prepares the cells of a front.</summary>
    /// <param name="points">Objective vectors (2 entries each, minimised); dominated points and points not strictly better than the reference in both objectives are ignored.</param>
    /// <param name="reference">The reference point (2 finite entries).</param>
    /// <exception cref="ArgumentException">A point or the reference does not have 2 entries, or the reference is not finite.</exception>
    public ExpectedHypervolumeImprovement(IReadOnlyList<double[]> points, ReadOnlySpan<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (reference.Length != 2 || !double.IsFinite(reference[0]) || !double.IsFinite(reference[1]))
        {
            throw new ArgumentException("the reference point needs 2 finite entries", nameof(reference));
        }

        double r1 = reference[0];
        double r2 = reference[1];
        if (points.Any(p => p is null || p.Length != 2))
        {
            throw new ArgumentException("every point needs 2 objective values", nameof(points));
        }

        // Sort by f1 then f2; a sweep keeps a point only when its f2 is below every earlier one (non-dominated).
        List<double[]> front = [];
        double bestF2 = r2;
        foreach (double[] p in points.Where(p => p[0] < r1 && p[1] < r2).OrderBy(p => p[0]).ThenBy(p => p[1]))
        {
            if (p[1] < bestF2)
            {
                front.Add(p);
                bestF2 = p[1];
            }
        }

        int n = front.Count;
        lowerF1 = new double[n + 1];
        upperF1 = new double[n + 1];
        upperF2 = new double[n + 1];
        lowerF1[0] = double.NegativeInfinity;
        upperF2[0] = r2;
        for (int i = 0; i < n; i++)
        {
            upperF1[i] = front[i][0];
            lowerF1[i + 1] = front[i][0];
            upperF2[i + 1] = front[i][1];
        }

        upperF1[n] = r1;
        Reference = [r1, r2];
        Front = front;
    }

    /// <summary>The non-dominated points inside the reference box, sorted by f₁.</summary>
    public IReadOnlyList<double[]> Front { get; }

    /// <summary>The reference point.</summary>
    public IReadOnlyList<double> Reference { get; }

    /// <summary>EHVI of a prediction with independent Gaussian objectives.</summary>
    /// <param name="mean1">μ₁.</param>
    /// <param name="variance1">σ₁² (≥ 0).</param>
    /// <param name="mean2">μ₂.</param>
    /// <param name="variance2">σ₂² (≥ 0).</param>
    /// <param name="gradient">Empty, or 4 entries that receive ∂/∂μ₁, ∂/∂σ₁², ∂/∂μ₂, ∂/∂σ₂².</param>
    /// <returns>The expected improvement of the hypervolume, in the product of the objectives' units.</returns>
    public double Evaluate(double mean1, double variance1, double mean2, double variance2, Span<double> gradient)
    {
        bool withGradient = !gradient.IsEmpty;
        if (withGradient && gradient.Length != 4)
        {
            throw new ArgumentException("the gradient needs 4 entries (μ₁, σ₁², μ₂, σ₂²)", nameof(gradient));
        }

        double value = 0.0;
        double byMean1 = 0.0, byVariance1 = 0.0, byMean2 = 0.0, byVariance2 = 0.0;
        for (int i = 0; i < upperF1.Length; i++)
        {
            double width = Psi(upperF1[i], mean1, variance1, out double widthByMean, out double widthByVariance);
            if (double.IsFinite(lowerF1[i]))
            {
                width -= Psi(lowerF1[i], mean1, variance1, out double lowerByMean, out double lowerByVariance);
                widthByMean -= lowerByMean;
                widthByVariance -= lowerByVariance;
            }

            double height = Psi(upperF2[i], mean2, variance2, out double heightByMean, out double heightByVariance);
            value += width * height;
            if (withGradient)
            {
                byMean1 += widthByMean * height;
                byVariance1 += widthByVariance * height;
                byMean2 += width * heightByMean;
                byVariance2 += width * heightByVariance;
            }
        }

        if (withGradient)
        {
            gradient[0] = byMean1;
            gradient[1] = byVariance1;
            gradient[2] = byMean2;
            gradient[3] = byVariance2;
        }

        return value;
    }

    /// <summary>ψ(c) = E[(c − Y)₊] for Y ~ N(μ, σ²), with its partial derivatives in μ and σ².</summary>
    private static double Psi(double c, double mean, double variance, out double byMean, out double byVariance)
    {
        if (!(variance > VarianceFloor))
        {
            byMean = c > mean ? -1.0 : 0.0;
            byVariance = 0.0;
            return Math.Max(c - mean, 0.0);
        }

        double sigma = Math.Sqrt(variance);
        double z = (c - mean) / sigma;
        double cdf = NormalDistribution.Cdf(z);
        double pdf = NormalDistribution.Pdf(z);
        byMean = -cdf;
        byVariance = pdf / (2.0 * sigma);
        return ((c - mean) * cdf) + (sigma * pdf);
    }
}
