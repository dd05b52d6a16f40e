namespace AutoLab.Analysis.Unsupervised;

/// <summary>The minimum-cost one-to-one assignment of a square cost matrix (Hungarian method).</summary>
/// <remarks>
/// Kuhn (1955) and Munkres (1957), in the O(n^3) shortest-augmenting-path form with row and column
/// potentials (Jonker and Volgenant 1987). Basis sets are small (rank ≤ a few tens), so this is
/// exact and instant; a greedy match can pair two patterns wrongly when their similarities are close.
/// </remarks>
internal static class LinearAssignment
{
    /// <summary>Solves min sum cost[i, assignment[i]] over permutations.</summary>
    /// <param name="cost">n x n costs, row-major.</param>
    /// <param name="n">Size.</param>
    /// <returns>For every row its column.</returns>
    public static int[] Solve(ReadOnlySpan<double> cost, int n)
    {
        // 1-based arrays with a virtual row/column 0, as in the classic formulation.
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] columnOwner = new int[n + 1];
        int[] way = new int[n + 1];
        for (int row = 1; row <= n; row++)
        {
            columnOwner[0] = row;
            int column0 = 0;
            double[] minimum = new double[n + 1];
            bool[] used = new bool[n + 1];
            Array.Fill(minimum, double.PositiveInfinity);
            do
            {
                used[column0] = true;
                int row0 = columnOwner[column0];
                double delta = double.PositiveInfinity;
                int column1 = 0;
                for (int column = 1; column <= n; column++)
                {
                    if (used[column])
                    {
                        continue;
                    }

                    double reduced = cost[((row0 - 1) * n) + column - 1] - u[row0] - v[column];
                    if (reduced < minimum[column])
                    {
                        minimum[column] = reduced;
                        way[column] = column0;
                    }

                    if (minimum[column] < delta)
                    {
                        delta = minimum[column];
                        column1 = column;
                    }
                }

                for (int column = 0; column <= n; column++)
                {
                    if (used[column])
                    {
                        u[columnOwner[column]] += delta;
                        v[column] -= delta;
                    }
                    else
                    {
                        minimum[column] -= delta;
                    }
                }

                column0 = column1;
            }
            while (columnOwner[column0] != 0);

            do
            {
                int column1 = way[column0];
                columnOwner[column0] = columnOwner[column1];
                column0 = column1;
            }
            while (column0 != 0);
        }

        int[] assignment = new int[n];
        for (int column = 1; column <= n; column++)
        {
            assignment[columnOwner[column] - 1] = column - 1;
        }

        return assignment;
    }
}
