using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// A crystal structure compiled for fast powder patterns: the full cell's atoms, the reflections (hkl with
/// multiplicity) down to a d-spacing, and their phase factors, computed once.
/// </summary>
/// <remarks>
/// <para>Symmetry-equivalent (hkl) are merged by applying the Laue group (the operators' rotations plus
/// inversion, i.e. Friedel's law) to each index triple: h' = h·R. The representative is the
/// lexicographically largest member of the orbit and the multiplicity is the orbit's size.</para>
/// <para>Only the cell, occupancies and B factors may change between calls (a Vegard solid solution with
/// the same sites), so hkl, multiplicities and the factors cos/sin 2π(h·r) stay valid; d, 2θ, f0 and the
/// Debye–Waller factor are recomputed per call. F(hkl) = Σⱼ oⱼ f0ⱼ(s) exp(−Bⱼ s²) exp(2πi h·rⱼ), s = 1/(2d).</para>
/// </remarks>
public sealed class PhaseModel
{
    private const double PositionTolerance = 1e-4;
    private readonly int[] _atomSite;
    private readonly CromerMann[] _siteFormFactors;
    private readonly int[] _hkl;
    private readonly int[] _multiplicity;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[][] _members;

    private PhaseModel(CrystalStructure structure, double dMin, List<(int Site, double X, double Y, double Z)> atoms, List<(int H, int K, int L, int M, int[] Members)> reflections)
    {
        Structure = structure;
        DMin = dMin;
        AtomCount = atoms.Count;
        _atomSite = [.. atoms.Select(a => a.Site)];
        _siteFormFactors = [.. structure.Sites.Select(s => AtomicFormFactors.TryGet(s.TypeSymbol, out var f)
            ? f
            : throw new ArgumentException($"atom type '{s.TypeSymbol}' of site '{s.Label}' in '{structure.Name}' has no tabulated form factor"))];
        _hkl = new int[reflections.Count * 3];
        _multiplicity = new int[reflections.Count];
        _members = [.. reflections.Select(r => r.Members)];
        _cos = new double[reflections.Count * atoms.Count];
        _sin = new double[reflections.Count * atoms.Count];
        for (var r = 0; r < reflections.Count; r++)
        {
            var (h, k, l, m, _) = reflections[r];
            _hkl[3 * r] = h;
            _hkl[(3 * r) + 1] = k;
            _hkl[(3 * r) + 2] = l;
            _multiplicity[r] = m;
            for (var j = 0; j < atoms.Count; j++)
            {
                var phase = 2.0 * Math.PI * ((h * atoms[j].X) + (k * atoms[j].Y) + (l * atoms[j].Z));
                _cos[(r * atoms.Count) + j] = Math.Cos(phase);
                _sin[(r * atoms.Count) + j] = Math.Sin(phase);
            }
        }
    }

    /// <summary>The structure compiled (its sites and operators; its cell is only a default).</summary>
    public CrystalStructure Structure { get; }

    /// <summary>Smallest d-spacing (Å) enumerated, for the compiled cell.</summary>
    public double DMin { get; }

    /// <summary>Atoms in the full unit cell after applying the operators (sites with several species count each).</summary>
    public int AtomCount { get; }

    /// <summary>Number of distinct reflections enumerated.</summary>
    public int ReflectionCount => _multiplicity.Length;

    /// <summary>Compiles a structure, enumerating reflections down to <paramref name="dMin"/> Å.</summary>
    /// <param name="structure">The structure.</param>
    /// <param name="dMin">Smallest d-spacing (Å); λ/2 reaches 2θ = 180°.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">dMin is not positive or an atom type has no form factor.</exception>
    public static PhaseModel Compile(CrystalStructure structure, double dMin)
    {
        if (!(dMin > 0))
        {
            throw new ArgumentException($"dMin must be positive, not {dMin} Å", nameof(dMin));
        }

        return new PhaseModel(structure, dMin, ExpandAtoms(structure), EnumerateReflections(structure, dMin));
    }

    /// <summary>The reflections of a variant of the compiled structure (same sites; its own cell, occupancies and B factors) up to 2θ max.</summary>
    /// <param name="variant">The structure as it is now, e.g. a Vegard interpolation; null for the compiled one.</param>
    /// <param name="wavelength">Wavelength λ (Å).</param>
    /// <param name="twoThetaMax">Largest 2θ (degrees) returned.</param>
    /// <param name="minimumFSquared">Reflections with a smaller |F|² (electrons²) are extinct and left out.</param>
    /// <param name="orientation">Preferred orientation for <see cref="Reflection.TextureFactor"/>; null for a random powder.</param>
    /// <returns>Reflections in order of increasing 2θ.</returns>
    /// <exception cref="ArgumentException">The variant has a different number of sites.</exception>
    public IReadOnlyList<Reflection> Reflections(CrystalStructure? variant, double wavelength, double twoThetaMax, double minimumFSquared = 1e-6, PreferredOrientation? orientation = null)
    {
        variant ??= Structure;
        if (variant.Sites.Count != Structure.Sites.Count)
        {
            throw new ArgumentException($"variant '{variant.Name}' has {variant.Sites.Count} sites but '{Structure.Name}' was compiled with {Structure.Sites.Count}");
        }

        var cell = variant.Cell;
        var sinMax = Math.Sin(Math.Min(twoThetaMax, 179.999) * Math.PI / 360.0);
        var siteWeights = new double[variant.Sites.Count];
        var result = new List<Reflection>();
        for (var r = 0; r < _multiplicity.Length; r++)
        {
            int h = _hkl[3 * r], k = _hkl[(3 * r) + 1], l = _hkl[(3 * r) + 2];
            var inverseD2 = cell.InverseDSquared(h, k, l);
            var sinTheta = wavelength * Math.Sqrt(inverseD2) / 2.0;
            if (sinTheta > sinMax)
            {
                continue;
            }

            var fSquared = FSquared(r, variant, inverseD2 / 4.0, siteWeights);
            if (fSquared < minimumFSquared)
            {
                continue;
            }

            var texture = orientation is null ? 1.0 : MarchDollase(r, cell, orientation);
            result.Add(new Reflection(h, k, l, _multiplicity[r], 1.0 / Math.Sqrt(inverseD2), 2.0 * Math.Asin(sinTheta) * 180.0 / Math.PI, fSquared, texture));
        }

        result.Sort((a, b) => a.TwoTheta.CompareTo(b.TwoTheta));
        return result;
    }

    /// <summary>|F(hkl)|² (electrons²) of one index triple of the variant; 0 when it is not among the enumerated reflections' orbits.</summary>
    /// <param name="variant">The structure as it is now; null for the compiled one.</param>
    /// <param name="h">Miller index h.</param>
    /// <param name="k">Miller index k.</param>
    /// <param name="l">Miller index l.</param>
    /// <returns>|F|² computed directly from the full cell's atoms.</returns>
    public double StructureFactorSquared(CrystalStructure? variant, int h, int k, int l)
    {
        variant ??= Structure;
        var atoms = ExpandAtoms(Structure);
        var s2 = variant.Cell.InverseDSquared(h, k, l) / 4.0;
        double re = 0, im = 0;
        foreach (var (site, x, y, z) in atoms)
        {
            var weight = SiteWeight(variant.Sites[site], _siteFormFactors[site], s2);
            var phase = 2.0 * Math.PI * ((h * x) + (k * y) + (l * z));
            re += weight * Math.Cos(phase);
            im += weight * Math.Sin(phase);
        }

        return (re * re) + (im * im);
    }

    private double MarchDollase(int reflection, UnitCell cell, PreferredOrientation orientation)
    {
        var members = _members[reflection];
        var r = orientation.Ratio;
        var pp = cell.InverseDSquared(orientation.H, orientation.K, orientation.L);
        var sum = 0.0;
        for (var j = 0; j < members.Length; j += 3)
        {
            var hp = cell.ReciprocalDot(members[j], members[j + 1], members[j + 2], orientation.H, orientation.K, orientation.L);
            var cos2 = hp * hp / (cell.InverseDSquared(members[j], members[j + 1], members[j + 2]) * pp);
            sum += Math.Pow((r * r * cos2) + ((1.0 - cos2) / r), -1.5);
        }

        return sum / (members.Length / 3);
    }

    private static double SiteWeight(AtomSite site, CromerMann formFactor, double s2) =>
        site.Occupancy * formFactor.Evaluate(s2) * Math.Exp(-site.Biso * s2);

    private double FSquared(int reflection, CrystalStructure variant, double s2, double[] siteWeights)
    {
        for (var s = 0; s < siteWeights.Length; s++)
        {
            siteWeights[s] = SiteWeight(variant.Sites[s], _siteFormFactors[s], s2);
        }

        var offset = reflection * AtomCount;
        double re = 0, im = 0;
        for (var j = 0; j < AtomCount; j++)
        {
            var w = siteWeights[_atomSite[j]];
            re += w * _cos[offset + j];
            im += w * _sin[offset + j];
        }

        return (re * re) + (im * im);
    }

    private static List<(int Site, double X, double Y, double Z)> ExpandAtoms(CrystalStructure structure)
    {
        var atoms = new List<(int Site, double X, double Y, double Z)>();
        for (var s = 0; s < structure.Sites.Count; s++)
        {
            var site = structure.Sites[s];
            var start = atoms.Count;
            foreach (var op in structure.Operators)
            {
                var (x, y, z) = op.Apply(site.X, site.Y, site.Z);
                x -= Math.Floor(x);
                y -= Math.Floor(y);
                z -= Math.Floor(z);
                var duplicate = false;
                for (var j = start; j < atoms.Count && !duplicate; j++)
                {
                    duplicate = Same(atoms[j].X, x) && Same(atoms[j].Y, y) && Same(atoms[j].Z, z);
                }

                if (!duplicate)
                {
                    atoms.Add((s, x, y, z));
                }
            }
        }

        return atoms;
    }

    private static bool Same(double a, double b)
    {
        var difference = Math.Abs(a - b);
        return difference < PositionTolerance || difference > 1.0 - PositionTolerance;
    }

    private static List<(int H, int K, int L, int M, int[] Members)> EnumerateReflections(CrystalStructure structure, double dMin)
    {
        var laue = LaueRotations(structure.Operators);
        var cell = structure.Cell;
        var limit = 1.0 / (dMin * dMin);
        int hMax = (int)Math.Floor(cell.A / dMin), kMax = (int)Math.Floor(cell.B / dMin), lMax = (int)Math.Floor(cell.C / dMin);
        var reflections = new List<(int, int, int, int, int[])>();
        var orbit = new HashSet<(int, int, int)>();
        for (var h = -hMax; h <= hMax; h++)
        {
            for (var k = -kMax; k <= kMax; k++)
            {
                for (var l = -lMax; l <= lMax; l++)
                {
                    if ((h == 0 && k == 0 && l == 0) || cell.InverseDSquared(h, k, l) > limit)
                    {
                        continue;
                    }

                    orbit.Clear();
                    var representative = true;
                    foreach (var r in laue)
                    {
                        var e = ((h * r[0]) + (k * r[3]) + (l * r[6]), (h * r[1]) + (k * r[4]) + (l * r[7]), (h * r[2]) + (k * r[5]) + (l * r[8]));
                        orbit.Add(e);
                        if (e.CompareTo((h, k, l)) > 0)
                        {
                            // Another member is larger, so that member represents the orbit; skip the rest of the work.
                            representative = false;
                            break;
                        }
                    }

                    if (representative)
                    {
                        reflections.Add((h, k, l, orbit.Count, [.. orbit.SelectMany(e => new[] { e.Item1, e.Item2, e.Item3 })]));
                    }
                }
            }
        }

        return reflections;
    }

    private static List<int[]> LaueRotations(IReadOnlyList<SymmetryOperator> operators)
    {
        var rotations = new List<int[]>();
        foreach (var op in operators)
        {
            foreach (var candidate in new[] { op.Rotation.ToArray(), op.Rotation.Select(v => -v).ToArray() })
            {
                if (!rotations.Any(r => r.AsSpan().SequenceEqual(candidate)))
                {
                    rotations.Add(candidate);
                }
            }
        }

        return rotations;
    }
}
