namespace AutoLab.Analysis.PhaseMapping;

/// <summary>
/// The equilibrium phase fractions of a ternary system at zero temperature, given its phases' compositions
/// and a vector of formation energies: the lower convex hull of the energy surface over the composition
/// triangle (Gibbs), with the lever rule inside each hull facet.
/// </summary>
/// <remarks>
/// <para>Every compound is one node (composition, energy). A solid solution is sampled at
/// <c>segments + 1</c> nodes along its line with the regular-solution energy
/// E(t) = (1 − t) E₀ + t E₁ + Ω t (1 − t). A node at a pure element has energy 0, the reference of
/// formation energies, so its energy is no parameter. The parameters are, phase by phase: a compound's E,
/// or a solution's E₀ (unless its start is a pure element), E₁ (unless its end is) and Ω
/// (<see cref="ParameterNames"/>).</para>
/// <para>The hull facets are the node triples whose plane lies below every other node; a composition's
/// phases are the nodes of the facet that contains it, weighted by its barycentric coordinates (the lever
/// rule), summed per phase. That is the same construction as the simulator's <c>PhaseDiagram</c>, done
/// once per energy vector rather than once per composition, because a fit evaluates thousands of vectors.
/// For 22 nodes a hull costs C(22, 3) = 1,540 plane tests of 22 nodes, a few tens of microseconds.</para>
/// <para>An instance keeps work buffers and is not thread-safe.</para>
/// </remarks>
public sealed class PhaseHullModel
{
    private const double AreaTolerance = 1e-12;
    private const double HullTolerance = 1e-10;
    private const double InsideTolerance = 1e-9;

    private readonly double[] nodeX;
    private readonly double[] nodeY;
    private readonly double[] nodeEnergy;
    private readonly int[] nodePhase;
    private readonly List<Facet> facets = [];
    private readonly (int Node, int Parameter, double Weight)[] energyTerms;

    /// <summary>Creates the model.</summary>
    /// <param name="phases">The phases; the three pure elements must be among their compositions so every composition is covered.</param>
    /// <param name="segments">Segments a solid solution's line is sampled with (the simulator's diagrams use 8).</param>
    /// <exception cref="ArgumentException">A composition is not three fractions summing to 1, a solution's ends coincide, or a pure element is missing.</exception>
    public PhaseHullModel(IReadOnlyList<HullPhase> phases, int segments = 8)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        if (phases.Count == 0)
        {
            throw new ArgumentException("a phase hull needs at least one phase", nameof(phases));
        }

        Phases = phases;
        var x = new List<double>();
        var y = new List<double>();
        var phaseOf = new List<int>();
        var terms = new List<(int, int, double)>();
        var names = new List<string>();
        var kinds = new List<bool>();
        for (int p = 0; p < phases.Count; p++)
        {
            HullPhase phase = phases[p];
            Check(phase.Start, phase.Name, "composition");
            if (!phase.IsSolution)
            {
                int parameter = HullPhase.IsPureElement(phase.Start) ? -1 : Add(names, kinds, $"E({phase.Name})", true);
                terms.Add((x.Count, parameter, 1.0));
                x.Add(phase.Start[0]);
                y.Add(phase.Start[1]);
                phaseOf.Add(p);
                continue;
            }

            IReadOnlyList<double> end = phase.End!;
            Check(end, phase.Name, "end composition");
            if (phase.Start.Zip(end, (a, b) => Math.Abs(a - b)).Max() < 1e-9)
            {
                throw new ArgumentException($"solid solution '{phase.Name}' has the same composition at both ends", nameof(phases));
            }

            int e0 = HullPhase.IsPureElement(phase.Start) ? -1 : Add(names, kinds, $"E0({phase.Name})", true);
            int e1 = HullPhase.IsPureElement(end) ? -1 : Add(names, kinds, $"E1({phase.Name})", true);
            int omega = Add(names, kinds, $"Ω({phase.Name})", false);
            for (int i = 0; i <= segments; i++)
            {
                double t = i / (double)segments;
                int node = x.Count;
                terms.Add((node, e0, 1.0 - t));
                terms.Add((node, e1, t));
                terms.Add((node, omega, t * (1.0 - t)));
                x.Add(phase.Start[0] + (t * (end[0] - phase.Start[0])));
                y.Add(phase.Start[1] + (t * (end[1] - phase.Start[1])));
                phaseOf.Add(p);
            }
        }

        for (int corner = 0; corner < 3; corner++)
        {
            double cx = corner == 0 ? 1 : 0;
            double cy = corner == 1 ? 1 : 0;
            if (!Enumerable.Range(0, x.Count).Any(n => Math.Abs(x[n] - cx) < 1e-9 && Math.Abs(y[n] - cy) < 1e-9))
            {
                throw new ArgumentException($"no phase sits at pure element {corner + 1} of the system; the hull would not cover the triangle", nameof(phases));
            }
        }

        nodeX = [.. x];
        nodeY = [.. y];
        nodePhase = [.. phaseOf];
        nodeEnergy = new double[x.Count];
        energyTerms = [.. terms];
        ParameterNames = names;
        IsEnergy = kinds;
    }

    /// <summary>The phases, in the order of the fraction columns.</summary>
    public IReadOnlyList<HullPhase> Phases { get; }

    /// <summary>The free parameters' names, in parameter-vector order: E(compound), E0/E1/Ω(solution).</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Per parameter: true for a formation energy, false for a regular-solution interaction Ω.</summary>
    public IReadOnlyList<bool> IsEnergy { get; }

    /// <summary>Number of free parameters.</summary>
    public int ParameterCount => ParameterNames.Count;

    /// <summary>Number of energy nodes on the hull's surface (compounds and solution samples).</summary>
    public int NodeCount => nodeX.Length;

    /// <summary>
    /// The equilibrium phase fractions at each composition for one energy vector.
    /// </summary>
    /// <param name="parameters">The parameter vector (eV/atom), <see cref="ParameterCount"/> long.</param>
    /// <param name="points">Compositions as (first, second) element fractions, the third the remainder.</param>
    /// <param name="fractions">Output, points × phases, row-major: each row sums to 1.</param>
    /// <exception cref="ArgumentException">Wrong lengths, or a point outside the composition triangle.</exception>
    public void Fractions(ReadOnlySpan<double> parameters, IReadOnlyList<double[]> points, Span<double> fractions) =>
        Fractions(parameters, points, fractions, []);

    /// <summary>
    /// The equilibrium phase fractions at each composition for one energy vector, and how far each phase
    /// lies above the hull.
    /// </summary>
    /// <param name="parameters">The parameter vector (eV/atom), <see cref="ParameterCount"/> long.</param>
    /// <param name="points">Compositions as (first, second) element fractions, the third the remainder.</param>
    /// <param name="fractions">Output, points × phases, row-major: each row sums to 1.</param>
    /// <param name="aboveHull">Output, empty or one per phase: the smallest energy above the hull of any of
    /// the phase's nodes (eV/atom), 0 for a phase on the hull. It says how far a phase is from being stable
    /// anywhere, where its fractions, all 0, say nothing.</param>
    /// <exception cref="ArgumentException">Wrong lengths, or a point outside the composition triangle.</exception>
    public void Fractions(ReadOnlySpan<double> parameters, IReadOnlyList<double[]> points, Span<double> fractions, Span<double> aboveHull)
    {
        ArgumentNullException.ThrowIfNull(points);
        int phases = Phases.Count;
        if (parameters.Length != ParameterCount || fractions.Length != points.Count * phases || (aboveHull.Length != 0 && aboveHull.Length != phases))
        {
            throw new ArgumentException($"expected {ParameterCount} parameters, a {points.Count} × {phases} fraction buffer and an empty or {phases}-long above-hull buffer");
        }

        BuildHull(parameters);
        if (aboveHull.Length > 0)
        {
            aboveHull.Fill(double.PositiveInfinity);
            for (int node = 0; node < nodeX.Length; node++)
            {
                (Facet facet, double wa, double wb, double wc) = Locate(nodeX[node], nodeY[node]);
                double hull = (wa * nodeEnergy[facet.A]) + (wb * nodeEnergy[facet.B]) + (wc * nodeEnergy[facet.C]);
                aboveHull[nodePhase[node]] = Math.Min(aboveHull[nodePhase[node]], Math.Max(0.0, nodeEnergy[node] - hull));
            }
        }

        fractions.Clear();
        for (int i = 0; i < points.Count; i++)
        {
            (Facet found, double wa, double wb, double wc) = Locate(points[i][0], points[i][1]);
            Span<double> row = fractions.Slice(i * phases, phases);
            row[nodePhase[found.A]] += Math.Max(0.0, wa);
            row[nodePhase[found.B]] += Math.Max(0.0, wb);
            row[nodePhase[found.C]] += Math.Max(0.0, wc);
            double sum = 0;
            for (int p = 0; p < phases; p++)
            {
                sum += row[p];
            }

            for (int p = 0; p < phases; p++)
            {
                row[p] /= sum;
            }
        }
    }

    /// <summary>The hull facet that contains a composition, with its barycentric weights.</summary>
    private (Facet Facet, double Wa, double Wb, double Wc) Locate(double px, double py)
    {
        foreach (Facet f in facets)
        {
            double dx = px - nodeX[f.A];
            double dy = py - nodeY[f.A];
            double wb = (f.InvXX * dx) + (f.InvXY * dy);
            double wc = (f.InvYX * dx) + (f.InvYY * dy);
            double wa = 1.0 - wb - wc;
            if (wa >= -InsideTolerance && wb >= -InsideTolerance && wc >= -InsideTolerance)
            {
                return (f, wa, wb, wc);
            }
        }

        throw new ArgumentException($"composition ({px}, {py}) lies outside the composition triangle");
    }

    private void BuildHull(ReadOnlySpan<double> parameters)
    {
        Array.Clear(nodeEnergy);
        foreach ((int node, int parameter, double weight) in energyTerms)
        {
            if (parameter >= 0)
            {
                nodeEnergy[node] += weight * parameters[parameter];
            }
        }

        facets.Clear();
        int n = nodeX.Length;
        for (int a = 0; a < n - 2; a++)
        {
            for (int b = a + 1; b < n - 1; b++)
            {
                for (int c = b + 1; c < n; c++)
                {
                    double bx = nodeX[b] - nodeX[a], by = nodeY[b] - nodeY[a], bz = nodeEnergy[b] - nodeEnergy[a];
                    double cx = nodeX[c] - nodeX[a], cy = nodeY[c] - nodeY[a], cz = nodeEnergy[c] - nodeEnergy[a];
                    double det = (bx * cy) - (cx * by);
                    if (Math.Abs(det) < AreaTolerance)
                    {
                        continue;
                    }

                    // The plane z = z_a + gx (x − x_a) + gy (y − y_a) through the three nodes.
                    double gx = ((bz * cy) - (cz * by)) / det;
                    double gy = ((bx * cz) - (cx * bz)) / det;
                    bool lower = true;
                    for (int m = 0; m < n && lower; m++)
                    {
                        double plane = nodeEnergy[a] + (gx * (nodeX[m] - nodeX[a])) + (gy * (nodeY[m] - nodeY[a]));
                        lower = nodeEnergy[m] >= plane - HullTolerance;
                    }

                    if (lower)
                    {
                        // Barycentric weights of b and c: solve [bx cx; by cy] (wb, wc) = (dx, dy).
                        facets.Add(new Facet(a, b, c, cy / det, -cx / det, -by / det, bx / det));
                    }
                }
            }
        }
    }

    private static int Add(List<string> names, List<bool> kinds, string name, bool energy)
    {
        names.Add(name);
        kinds.Add(energy);
        return names.Count - 1;
    }

    private static void Check(IReadOnlyList<double> composition, string phase, string what)
    {
        if (composition.Count != 3 || composition.Any(c => c < -1e-9 || !double.IsFinite(c)) || Math.Abs(composition.Sum() - 1.0) > 1e-6)
        {
            throw new ArgumentException($"phase '{phase}': {what} ({string.Join(", ", composition)}) must be three non-negative atom fractions summing to 1", nameof(composition));
        }
    }

    private readonly record struct Facet(int A, int B, int C, double InvXX, double InvXY, double InvYX, double InvYY);
}
