namespace AutoLab.ActiveLearning.Problems;

/// <summary>
/// DTLZ2 (Deb, Thiele, Laumanns and Zitzler 2002): M objectives, n variables in [0, 1]; the front is the
/// positive orthant of the unit sphere, Σ fₘ² = 1. Hypervolume of the 3-objective front at (1.1, 1.1, 1.1)
/// is 1.1³ − π/6 ≈ 0.80743.
/// </summary>
/// <remarks>
/// With g = Σ_{i ≥ M} (xᵢ − 0.5)² over the last n − M + 1 variables and θᵢ = xᵢπ/2:
/// f₁ = (1 + g) cos θ₁ ⋯ cos θ_{M−1}, fₘ = (1 + g) cos θ₁ ⋯ cos θ_{M−m} sin θ_{M−m+1}, f_M = (1 + g) sin θ₁.
/// </remarks>
public sealed class Dtlz2 : MultiObjectiveProblem
{
    /// <summary>Creates the problem.</summary>
    /// <param name="objectiveCount">M, at least 2; default 3.</param>
    /// <param name="dimension">n, at least M; default M + 9 (k = 10, as Deb et al. suggest).</param>
    public Dtlz2(int objectiveCount = 3, int dimension = 0)
        : base("dtlz2", Filled(Resolve(objectiveCount, dimension), 0.0), Filled(Resolve(objectiveCount, dimension), 1.0), objectiveCount)
    {
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        int m = ObjectiveCount;
        double g = 0.0;
        for (int i = m - 1; i < x.Length; i++)
        {
            double d = x[i] - 0.5;
            g += d * d;
        }

        double scale = 1.0 + g;
        for (int k = 0; k < m; k++)
        {
            // Objective k (0-based) takes the cosines of the first M − 1 − k angles and, unless k = 0, the sine of the next.
            double value = scale;
            int cosines = m - 1 - k;
            for (int j = 0; j < cosines; j++)
            {
                value *= Math.Cos(x[j] * Math.PI / 2.0);
            }

            if (k > 0)
            {
                value *= Math.Sin(x[cosines] * Math.PI / 2.0);
            }

            objectives[k] = value;
        }
    }

    /// <inheritdoc/>
    /// <remarks>A grid over the M − 1 angles with ⌈count^(1/(M−1))⌉ steps each; distinct points of the sphere's orthant never dominate one another.</remarks>
    public override double[][] ParetoFront(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        int m = ObjectiveCount;
        int steps = Math.Max(2, (int)Math.Ceiling(Math.Pow(count, 1.0 / (m - 1))));
        int total = 1;
        for (int j = 0; j < m - 1; j++)
        {
            total *= steps;
        }

        double[] x = new double[Dimension];
        Array.Fill(x, 0.5);
        List<double[]> front = new(total);
        for (int index = 0; index < total; index++)
        {
            int rest = index;
            for (int j = 0; j < m - 1; j++)
            {
                x[j] = (rest % steps) / (double)(steps - 1);
                rest /= steps;
            }

            double[] f = new double[m];
            Evaluate(x, f, []);
            front.Add(f);
        }

        // Angle grids repeat a point where a cosine is 0 (e.g. the pole of a 3-D front), so keep each point once.
        return [.. front.DistinctBy(f => string.Join(",", f.Select(v => Math.Round(v, 12))))];
    }

    /// <inheritdoc/>
    public override bool IsOnFront(ReadOnlySpan<double> objectives, double tolerance)
    {
        double squares = 0.0;
        foreach (double f in objectives)
        {
            if (f < -tolerance)
            {
                return false;
            }

            squares += f * f;
        }

        return Math.Abs(Math.Sqrt(squares) - 1.0) <= tolerance;
    }

    private static int Resolve(int objectiveCount, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 2);
        int n = dimension == 0 ? objectiveCount + 9 : dimension;
        return n >= objectiveCount
            ? n
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"DTLZ2 needs at least as many variables as objectives ({objectiveCount})");
    }
}
