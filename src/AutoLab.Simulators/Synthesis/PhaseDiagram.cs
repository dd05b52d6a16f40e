namespace AutoLab.Simulators.Synthesis;

/// <summary>
/// A phase diagram of an N-component system defined by formation energies: the equilibrium phases at a
/// composition lie on the lower convex hull of the energy surface, found by minimising energy over
/// simplices of N nodes that contain the composition.
/// </summary>
/// <remarks>
/// <para>The hull construction gives coexistence regions and the lever rule for free: inside a hull
/// facet of three phases the barycentric weights are the phase fractions (a three-phase triangle), a
/// facet with two nodes of one solid solution and one other phase is a two-phase field with a tie line,
/// and a composition on a solid solution's line is single-phase. Solid solutions are sampled at several
/// nodes along their composition line, with a regular-solution energy that is convex in t, so tie
/// lines fan out to every point of the solution.</para>
/// <para>Enumeration costs C(nodes, N) small solves; for 20 nodes in a ternary that is 1,140 3×3 solves,
/// about 50 µs. Built by <see cref="PhaseDiagramBuilder"/>; see <see cref="BuiltInPhaseDiagrams"/>.</para>
/// </remarks>
public sealed class PhaseDiagram
{
    private const double WeightTolerance = 1e-9;

    /// <summary>Creates a diagram; use <see cref="PhaseDiagramBuilder"/>.</summary>
    /// <param name="name">Name, e.g. "Fe-Ni-Al".</param>
    /// <param name="elements">Element symbols, in composition order.</param>
    /// <param name="phases">Phases.</param>
    /// <param name="nodes">Energy nodes; must include every pure element so any composition is covered.</param>
    /// <exception cref="ArgumentException">A node's composition has the wrong length or does not sum to 1.</exception>
    public PhaseDiagram(string name, IReadOnlyList<string> elements, IReadOnlyList<DiagramPhase> phases, IReadOnlyList<DiagramNode> nodes)
    {
        if (elements.Count < 2)
        {
            throw new ArgumentException("a phase diagram needs at least two elements", nameof(elements));
        }

        foreach (var node in nodes)
        {
            if (node.Composition.Count != elements.Count || Math.Abs(node.Composition.Sum() - 1.0) > 1e-6 || node.Phase < 0 || node.Phase >= phases.Count)
            {
                throw new ArgumentException($"node of phase {node.Phase} has composition ({string.Join(", ", node.Composition)}); it needs {elements.Count} fractions summing to 1", nameof(nodes));
            }
        }

        Name = name;
        Elements = elements;
        Phases = phases;
        Nodes = nodes;
    }

    /// <summary>Name of the system.</summary>
    public string Name { get; }

    /// <summary>Element symbols in composition order.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>The phases.</summary>
    public IReadOnlyList<DiagramPhase> Phases { get; }

    /// <summary>The energy nodes.</summary>
    public IReadOnlyList<DiagramNode> Nodes { get; }

    /// <summary>The equilibrium phase assemblage at a composition.</summary>
    /// <param name="composition">Atom fractions of <see cref="Elements"/>, summing to 1.</param>
    /// <returns>Phases with fractions summing to 1, largest first; phases below 1e-6 are left out.</returns>
    /// <exception cref="ArgumentException">The composition has the wrong length, a negative fraction, or does not sum to 1.</exception>
    public IReadOnlyList<PhaseFraction> Equilibrium(IReadOnlyList<double> composition)
    {
        var n = Elements.Count;
        if (composition.Count != n || composition.Any(c => c < -1e-9) || Math.Abs(composition.Sum() - 1.0) > 1e-6)
        {
            throw new ArgumentException($"composition ({string.Join(", ", composition)}) must give {n} non-negative fractions of {string.Join(", ", Elements)} summing to 1", nameof(composition));
        }

        var best = double.PositiveInfinity;
        int[]? bestNodes = null;
        double[]? bestWeights = null;
        var chosen = new int[n];
        var weights = new double[n];
        var matrix = new double[n * n];
        foreach (var combination in Combinations(Nodes.Count, n, chosen))
        {
            if (!Solve(combination, composition, matrix, weights))
            {
                continue;
            }

            var energy = 0.0;
            for (var i = 0; i < n; i++)
            {
                energy += weights[i] * Nodes[combination[i]].FormationEnergy;
            }

            if (energy < best - 1e-12)
            {
                best = energy;
                bestNodes = [.. combination];
                bestWeights = [.. weights];
            }
        }

        if (bestNodes is null || bestWeights is null)
        {
            throw new InvalidOperationException($"composition ({string.Join(", ", composition)}) is outside the diagram '{Name}'; include every pure element as a node");
        }

        return Assemble(bestNodes, bestWeights);
    }

    private List<PhaseFraction> Assemble(int[] nodes, double[] weights)
    {
        var byPhase = new Dictionary<int, (double Weight, double WeightedT, double[] WeightedComposition)>();
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = Nodes[nodes[i]];
            var w = Math.Max(0.0, weights[i]);
            if (!byPhase.TryGetValue(node.Phase, out var sum))
            {
                sum = (0.0, 0.0, new double[Elements.Count]);
            }

            for (var e = 0; e < Elements.Count; e++)
            {
                sum.WeightedComposition[e] += w * node.Composition[e];
            }

            byPhase[node.Phase] = (sum.Weight + w, sum.WeightedT + (w * node.SolutionCoordinate), sum.WeightedComposition);
        }

        var total = byPhase.Values.Sum(v => v.Weight);
        return [.. byPhase
            .Where(p => p.Value.Weight / total > 1e-6)
            .Select(p =>
            {
                var t = p.Value.WeightedT / p.Value.Weight;
                double[] composition = [.. p.Value.WeightedComposition.Select(c => c / p.Value.Weight)];
                return new PhaseFraction(Phases[p.Key].Name, p.Value.Weight / total, t, Phases[p.Key].At(t), composition);
            })
            .OrderByDescending(p => p.Fraction)];
    }

    private bool Solve(int[] combination, IReadOnlyList<double> composition, double[] a, double[] x)
    {
        // Columns are the nodes' compositions: A w = c. The rows sum to the weights' sum, so Σw = 1 follows.
        var n = combination.Length;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                a[(row * n) + col] = Nodes[combination[col]].Composition[row];
            }

            x[row] = composition[row];
        }

        for (var pivot = 0; pivot < n; pivot++)
        {
            var best = pivot;
            for (var row = pivot + 1; row < n; row++)
            {
                if (Math.Abs(a[(row * n) + pivot]) > Math.Abs(a[(best * n) + pivot]))
                {
                    best = row;
                }
            }

            if (Math.Abs(a[(best * n) + pivot]) < 1e-10)
            {
                return false;
            }

            if (best != pivot)
            {
                for (var col = 0; col < n; col++)
                {
                    (a[(pivot * n) + col], a[(best * n) + col]) = (a[(best * n) + col], a[(pivot * n) + col]);
                }

                (x[pivot], x[best]) = (x[best], x[pivot]);
            }

            for (var row = pivot + 1; row < n; row++)
            {
                var factor = a[(row * n) + pivot] / a[(pivot * n) + pivot];
                for (var col = pivot; col < n; col++)
                {
                    a[(row * n) + col] -= factor * a[(pivot * n) + col];
                }

                x[row] -= factor * x[pivot];
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            var sum = x[row];
            for (var col = row + 1; col < n; col++)
            {
                sum -= a[(row * n) + col] * x[col];
            }

            x[row] = sum / a[(row * n) + row];
            if (x[row] < -WeightTolerance)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<int[]> Combinations(int count, int size, int[] current)
    {
        for (var i = 0; i < size; i++)
        {
            current[i] = i;
        }

        while (true)
        {
            yield return current;
            var position = size - 1;
            while (position >= 0 && current[position] == count - size + position)
            {
                position--;
            }

            if (position < 0)
            {
                yield break;
            }

            current[position]++;
            for (var i = position + 1; i < size; i++)
            {
                current[i] = current[i - 1] + 1;
            }
        }
    }
}
