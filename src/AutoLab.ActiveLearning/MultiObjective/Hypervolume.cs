namespace AutoLab.ActiveLearning.MultiObjective;

/// <summary>
/// The exact hypervolume of a set of objective vectors (all minimised): the measure of the region they
/// dominate that is bounded above by a reference point.
/// </summary>
/// <remarks>
/// Two objectives: sort by f₁ and sum rectangles, O(n log n). Three objectives: the dimension sweep of
/// Fonseca, Paquete and López-Ibáñez (2006) in its simple form: sweep f₃ upwards, keep the 2-D
/// non-dominated front of the points seen so far sorted by f₁, and add its area times the gap to the
/// next f₃; O(n²) with a sorted list, which is microseconds at population sizes. Four or more objectives
/// slice along the last objective recursively (HSO, While et al. 2006), exact but exponential in M.
/// Points that do not dominate the reference point strictly in every objective add nothing and are dropped.
/// </remarks>
public static class Hypervolume
{
    /// <summary>The hypervolume of a set of points.</summary>
    /// <param name="points">Objective vectors, each <c>reference.Length</c> entries.</param>
    /// <param name="reference">The reference point; must be finite.</param>
    /// <returns>The dominated volume, in the product of the objectives' units; 0 for an empty set.</returns>
    /// <exception cref="ArgumentException">A point has the wrong length or a NaN, or the reference is not finite.</exception>
    public static double Compute(IReadOnlyList<double[]> points, ReadOnlySpan<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        int m = reference.Length;
        double[] flat = new double[points.Count * m];
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Length != m)
            {
                throw new ArgumentException($"point {i} has {points[i].Length} objectives; the reference point has {m}", nameof(points));
            }

            points[i].CopyTo(flat, i * m);
        }

        return Compute(flat, m, reference);
    }

    /// <summary>The hypervolume of points stored row by row.</summary>
    /// <param name="objectives">n × M objective values, row-major (point i at [i·M, i·M + M)).</param>
    /// <param name="objectiveCount">M, at least 1.</param>
    /// <param name="reference">The reference point, M finite entries.</param>
    /// <returns>The dominated volume; 0 for an empty set.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, a value is NaN or the reference is not finite.</exception>
    public static double Compute(ReadOnlySpan<double> objectives, int objectiveCount, ReadOnlySpan<double> reference)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 1);
        if (reference.Length != objectiveCount || objectives.Length % objectiveCount != 0)
        {
            throw new ArgumentException($"{objectives.Length} values do not form rows of {objectiveCount} objectives matching a reference of {reference.Length}", nameof(objectives));
        }

        foreach (double r in reference)
        {
            if (!double.IsFinite(r))
            {
                throw new ArgumentException("the reference point must be finite", nameof(reference));
            }
        }

        // Keep only the points strictly inside the reference box: the others dominate nothing within it.
        int n = objectives.Length / objectiveCount;
        List<double[]> inside = new(n);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = objectives.Slice(i * objectiveCount, objectiveCount);
            bool keep = true;
            for (int k = 0; k < objectiveCount; k++)
            {
                if (double.IsNaN(row[k]))
                {
                    throw new ArgumentException($"point {i} has a NaN objective", nameof(objectives));
                }

                keep &= row[k] < reference[k];
            }

            if (keep)
            {
                inside.Add(row.ToArray());
            }
        }

        return Recursive(inside, objectiveCount, reference.ToArray());
    }

    private static double Recursive(List<double[]> points, int m, double[] reference)
    {
        if (points.Count == 0)
        {
            return 0.0;
        }

        switch (m)
        {
            case 1:
                double best = double.PositiveInfinity;
                foreach (double[] p in points)
                {
                    best = Math.Min(best, p[0]);
                }

                return reference[0] - best;
            case 2:
                return TwoDimensional(points, reference);
            case 3:
                return ThreeDimensional(points, reference);
            default:
                return Sliced(points, m, reference);
        }
    }

    private static double TwoDimensional(List<double[]> points, double[] reference)
    {
        points.Sort(static (a, b) => a[0] != b[0] ? a[0].CompareTo(b[0]) : a[1].CompareTo(b[1]));
        double volume = 0.0;
        double lowestF2 = reference[1];
        for (int i = 0; i < points.Count; i++)
        {
            double[] p = points[i];
            if (p[1] < lowestF2)
            {
                // The strip from this f1 to the reference gains height (lowestF2 − f2).
                volume += (reference[0] - p[0]) * (lowestF2 - p[1]);
                lowestF2 = p[1];
            }
        }

        return volume;
    }

    private static double ThreeDimensional(List<double[]> points, double[] reference)
    {
        points.Sort(static (a, b) => a[2].CompareTo(b[2]));

        // The 2-D front of the points swept so far, sorted by f1 ascending (so f2 descending).
        List<(double X, double Y)> front = new(points.Count);
        double area = 0.0;
        double volume = 0.0;
        for (int i = 0; i < points.Count; i++)
        {
            double[] p = points[i];
            if (Insert(front, p[0], p[1]))
            {
                area = Area(front, reference[0], reference[1]);
            }

            double nextZ = i + 1 < points.Count ? points[i + 1][2] : reference[2];
            volume += area * (nextZ - p[2]);
        }

        return volume;
    }

    private static bool Insert(List<(double X, double Y)> front, double x, double y)
    {
        // First index whose X exceeds x; the point before it (if any) is the one that could dominate.
        int lo = 0;
        int hi = front.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (front[mid].X <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo > 0 && front[lo - 1].Y <= y)
        {
            return false;
        }

        // Remove the points the new one dominates: they follow it, with Y ≥ y; an equal X before it too.
        int start = lo > 0 && front[lo - 1].X == x ? lo - 1 : lo;
        int end = lo;
        while (end < front.Count && front[end].Y >= y)
        {
            end++;
        }

        front.RemoveRange(start, end - start);
        front.Insert(start, (x, y));
        return true;
    }

    private static double Area(List<(double X, double Y)> front, double refX, double refY)
    {
        double area = 0.0;
        for (int i = 0; i < front.Count; i++)
        {
            double nextX = i + 1 < front.Count ? front[i + 1].X : refX;
            area += (nextX - front[i].X) * (refY - front[i].Y);
        }

        return area;
    }

    private static double Sliced(List<double[]> points, int m, double[] reference)
    {
        int last = m - 1;
        points.Sort((a, b) => a[last].CompareTo(b[last]));
        double[] lowerReference = reference[..last];
        double volume = 0.0;
        List<double[]> slice = new(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            slice.Add(points[i][..last]);
            double nextZ = i + 1 < points.Count ? points[i + 1][last] : reference[last];
            if (nextZ > points[i][last])
            {
                volume += Recursive([.. slice], last, lowerReference) * (nextZ - points[i][last]);
            }
        }

        return volume;
    }
}
