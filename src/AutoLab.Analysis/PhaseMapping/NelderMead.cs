namespace AutoLab.Analysis.PhaseMapping;

/// <summary>
/// The Nelder–Mead simplex minimiser with the dimension-adaptive coefficients of Gao and Han
/// (Comput. Optim. Appl. 51, 259, 2012), for objectives that have no useful gradient: a phase hull's
/// likelihood is piecewise smooth and jumps where the hull's triangulation changes.
/// </summary>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">The function to minimise.</param>
    /// <param name="start">The first vertex; the others are it plus <paramref name="step"/> along each axis.</param>
    /// <param name="step">The initial simplex's edge.</param>
    /// <param name="maxEvaluations">Evaluation budget.</param>
    /// <param name="tolerance">Stop when the vertices' values span less than this.</param>
    /// <returns>The best vertex and its value.</returns>
    public static (double[] Point, double Value) Minimise(Func<double[], double> objective, double[] start, double step, int maxEvaluations, double tolerance)
    {
        int d = start.Length;
        double reflect = 1.0;
        double expand = 1.0 + (2.0 / d);
        double contract = 0.75 - (1.0 / (2.0 * d));
        double shrink = 1.0 - (1.0 / d);
        double[][] vertices = new double[d + 1][];
        double[] values = new double[d + 1];
        for (int i = 0; i <= d; i++)
        {
            vertices[i] = (double[])start.Clone();
            if (i > 0)
            {
                vertices[i][i - 1] += step;
            }

            values[i] = objective(vertices[i]);
        }

        int evaluations = d + 1;
        int[] order = new int[d + 1];
        double[] centroid = new double[d];
        double[] trial = new double[d];
        double[] second = new double[d];
        while (evaluations < maxEvaluations)
        {
            for (int i = 0; i <= d; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[d], nextWorst = order[d - 1];
            if (values[worst] - values[best] < tolerance)
            {
                break;
            }

            Array.Clear(centroid);
            for (int i = 0; i < d; i++)
            {
                double[] v = vertices[order[i]];
                for (int j = 0; j < d; j++)
                {
                    centroid[j] += v[j] / d;
                }
            }

            Toward(centroid, vertices[worst], -reflect, trial);
            double reflected = objective(trial);
            evaluations++;
            if (reflected < values[best])
            {
                Toward(centroid, vertices[worst], -expand, second);
                double expanded = objective(second);
                evaluations++;
                Replace(vertices, values, worst, expanded < reflected ? second : trial, Math.Min(expanded, reflected));
                continue;
            }

            if (reflected < values[nextWorst])
            {
                Replace(vertices, values, worst, trial, reflected);
                continue;
            }

            bool outside = reflected < values[worst];
            Toward(centroid, vertices[worst], outside ? -contract : contract, second);
            double contracted = objective(second);
            evaluations++;
            if (contracted <= (outside ? reflected : values[worst]))
            {
                Replace(vertices, values, worst, second, contracted);
                continue;
            }

            for (int i = 1; i <= d; i++)
            {
                double[] v = vertices[order[i]];
                double[] b = vertices[best];
                for (int j = 0; j < d; j++)
                {
                    v[j] = b[j] + (shrink * (v[j] - b[j]));
                }

                values[order[i]] = objective(v);
                evaluations++;
            }
        }

        int argmin = Array.IndexOf(values, values.Min());
        return (vertices[argmin], values[argmin]);
    }

    /// <summary>result = centroid + coefficient · (point − centroid).</summary>
    private static void Toward(double[] centroid, double[] point, double coefficient, double[] result)
    {
        for (int j = 0; j < centroid.Length; j++)
        {
            result[j] = centroid[j] + (coefficient * (point[j] - centroid[j]));
        }
    }

    private static void Replace(double[][] vertices, double[] values, int index, double[] point, double value)
    {
        Array.Copy(point, vertices[index], point.Length);
        values[index] = value;
    }
}
