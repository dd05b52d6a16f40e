namespace AutoLab.Simulators.Saxs;

/// <summary>Gaussian instrumental resolution in q: each point is I averaged over N(q, (δq/q · q)²).</summary>
/// <remarks>
/// Pedersen, Posselt and Mortensen (1990) model a pinhole camera's resolution as a Gaussian in q whose width
/// grows with q (wavelength spread) plus a constant (collimation and pixel size); the dominant relative part
/// is what is kept here. The convolution uses <see cref="Nodes"/> Gauss–Legendre points on ±3.5σ weighted by
/// the Gaussian and normalised, so a constant stays constant.
/// <para>The model is evaluated once on a logarithmic grid of spacing σ_q/(3q) and interpolated (Catmull–Rom
/// cubic in ln q) at the quadrature points, because neighbouring points' windows overlap: for the default
/// camera this is about 540 model evaluations instead of 2,200. Short curves that need fewer evaluations
/// than the grid are evaluated at the quadrature points directly.</para>
/// </remarks>
public static class ResolutionSmearing
{
    /// <summary>Quadrature nodes per smeared point.</summary>
    public const int Nodes = 11;

    /// <summary>Largest accepted relative resolution: beyond it the ±3.5σ window reaches q ≤ 0.</summary>
    public const double MaxRelativeResolution = 0.25;

    private const double Window = 3.5;

    private static readonly (double[] Offsets, double[] Weights) Kernel = BuildKernel();

    /// <summary>Writes the smeared intensity of <paramref name="sample"/> at each q.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="q">Scattering vector magnitudes (Å⁻¹).</param>
    /// <param name="relativeResolution">σ_q / q in [0, <see cref="MaxRelativeResolution"/>]; 0 for no smearing.</param>
    /// <param name="intensity">Output (cm⁻¹), same length as <paramref name="q"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The resolution is out of range.</exception>
    public static void Apply(SaxsSample sample, ReadOnlySpan<double> q, double relativeResolution, Span<double> intensity)
    {
        if (!(relativeResolution >= 0 && relativeResolution <= MaxRelativeResolution))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeResolution), relativeResolution, $"relative resolution must be in [0, {MaxRelativeResolution}]");
        }

        if (relativeResolution == 0.0)
        {
            ScatteringModel.Intensity(sample, q, intensity);
            return;
        }

        (double[] offsets, double[] weights) = Kernel;
        double[] expanded = new double[q.Length * Nodes];
        double lowest = double.MaxValue, highest = 0.0;
        for (int i = 0; i < q.Length; i++)
        {
            double sigma = relativeResolution * q[i];
            for (int k = 0; k < Nodes; k++)
            {
                double point = q[i] + (sigma * offsets[k]);
                expanded[(i * Nodes) + k] = point;
                lowest = Math.Min(lowest, point);
                highest = Math.Max(highest, point);
            }
        }

        double[] values = new double[expanded.Length];
        double step = relativeResolution / 3.0;
        int gridPoints = (int)Math.Ceiling(Math.Log(highest / lowest) / step) + 3;
        if (gridPoints < expanded.Length)
        {
            Interpolate(sample, lowest / Math.Exp(step), step, gridPoints, expanded, values);
        }
        else
        {
            ScatteringModel.Intensity(sample, expanded, values);
        }

        for (int i = 0; i < q.Length; i++)
        {
            double sum = 0.0;
            for (int k = 0; k < Nodes; k++)
            {
                sum += weights[k] * values[(i * Nodes) + k];
            }

            intensity[i] = sum;
        }
    }

    /// <summary>Evaluates the model on a log grid starting one step below the lowest point and interpolates it at <paramref name="points"/>.</summary>
    private static void Interpolate(SaxsSample sample, double start, double step, int count, double[] points, double[] values)
    {
        double[] grid = new double[count];
        for (int j = 0; j < count; j++)
        {
            grid[j] = start * Math.Exp(step * j);
        }

        double[] model = new double[count];
        ScatteringModel.Intensity(sample, grid, model);
        for (int i = 0; i < points.Length; i++)
        {
            double u = Math.Log(points[i] / start) / step;
            int j = Math.Clamp((int)Math.Floor(u), 1, count - 3);
            double t = u - j;
            double p0 = model[j - 1], p1 = model[j], p2 = model[j + 1], p3 = model[j + 2];
            // Catmull–Rom: the cubic through p1 and p2 with slopes from their neighbours.
            values[i] = p1 + (0.5 * t * (p2 - p0 + (t * ((2.0 * p0) - (5.0 * p1) + (4.0 * p2) - p3 + (t * ((3.0 * (p1 - p2)) + p3 - p0))))));
        }
    }

    private static (double[] Offsets, double[] Weights) BuildKernel()
    {
        var rule = GaussLegendre.Create(Nodes, -Window, Window);
        double[] offsets = [.. rule.Nodes];
        double[] weights = new double[Nodes];
        double sum = 0.0;
        for (int k = 0; k < Nodes; k++)
        {
            weights[k] = rule.Weights[k] * Math.Exp(-0.5 * offsets[k] * offsets[k]);
            sum += weights[k];
        }

        for (int k = 0; k < Nodes; k++)
        {
            weights[k] /= sum;
        }

        return (offsets, weights);
    }
}
