namespace AutoLab.Simulators.Crystallography;

/// <summary>Built-in symmetry-operator lists for the space groups the built-in structures use, for CIFs that name a group but list no operators.</summary>
/// <remarks>
/// Operators are generated rather than typed in: the cubic point group m-3m is every permutation of
/// (x, y, z) with every sign pattern (48), -43m keeps the sign patterns whose product is +1 (24), and
/// lattice centring adds its translations. Fd-3m origin choice 1 is {R | 0} ∪ {−R | ¼,¼,¼} over -43m, and
/// origin choice 2 (the one most CIFs use, inversion at the origin) follows by shifting the origin by
/// (⅛,⅛,⅛): t' = R·s + t − s (International Tables Vol. A, §5.1). P6₃/mmc is listed as in Vol. A.
/// </remarks>
public static class SpaceGroups
{
    private static readonly double[][] Primitive = [[0, 0, 0]];
    private static readonly double[][] BodyCentred = [[0, 0, 0], [0.5, 0.5, 0.5]];
    private static readonly double[][] FaceCentred = [[0, 0, 0], [0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]];

    private static readonly string[] P63MmcOperators =
    [
        "x,y,z", "-y,x-y,z", "-x+y,-x,z", "-x,-y,z+1/2", "y,-x+y,z+1/2", "x-y,x,z+1/2",
        "y,x,-z", "x-y,-y,-z", "-x,-x+y,-z", "-y,-x,-z+1/2", "-x+y,y,-z+1/2", "x,x-y,-z+1/2",
        "-x,-y,-z", "y,-x+y,-z", "x-y,x,-z", "x,y,-z+1/2", "-y,x-y,-z+1/2", "-x+y,-x,-z+1/2",
        "-y,-x,z", "-x+y,y,z", "x,x-y,z", "y,x,z+1/2", "x-y,-y,z+1/2", "-x,-x+y,z+1/2",
    ];

    /// <summary>Names accepted by <see cref="TryGet"/> (Hermann–Mauguin without spaces, or the number).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["P1 (1)", "P-1 (2)", "P63/mmc (194)", "F-43m (216)", "Pm-3m (221)", "Fm-3m (225)", "Fd-3m (227, origin choice 2; 'Fd-3m:1' for origin choice 1)", "Im-3m (229)"];

    /// <summary>Looks up a space group by Hermann–Mauguin symbol (spaces, case and a trailing ":2" ignored) or number.</summary>
    /// <param name="name">E.g. "F m -3 m", "Fd-3m:1", "225".</param>
    /// <param name="operators">All operators of the group, centring included.</param>
    /// <returns>Whether the group is built in.</returns>
    public static bool TryGet(string name, out IReadOnlyList<SymmetryOperator> operators)
    {
        var key = name.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        operators = key switch
        {
            "p1" or "1" => [SymmetryOperator.Identity],
            "p-1" or "2" => [SymmetryOperator.Identity, SymmetryOperator.Parse("-x,-y,-z")],
            "p63/mmc" or "194" => [.. P63MmcOperators.Select(SymmetryOperator.Parse)],
            "f-43m" or "216" => Centred(Tetrahedral(), FaceCentred),
            "pm-3m" or "221" => Centred(Cubic(), Primitive),
            "fm-3m" or "225" => Centred(Cubic(), FaceCentred),
            "fd-3m" or "fd-3m:2" or "227" or "227:2" => Centred(DiamondOrigin2(), FaceCentred),
            "fd-3m:1" or "227:1" => Centred(DiamondOrigin1(), FaceCentred),
            "im-3m" or "229" => Centred(Cubic(), BodyCentred),
            _ => [],
        };
        return operators.Count > 0;
    }

    /// <summary>The operators of a built-in group; throws when it is not built in.</summary>
    /// <param name="name">Symbol or number, as for <see cref="TryGet"/>.</param>
    /// <returns>The operators.</returns>
    /// <exception cref="ArgumentException">The group is not built in.</exception>
    public static IReadOnlyList<SymmetryOperator> Get(string name) =>
        TryGet(name, out var operators)
            ? operators
            : throw new ArgumentException($"space group '{name}' is not built in; built in: {string.Join(", ", Names)}", nameof(name));

    private static List<SymmetryOperator> Cubic() => [.. SignedPermutations(tetrahedralOnly: false)];

    private static List<SymmetryOperator> Tetrahedral() => [.. SignedPermutations(tetrahedralOnly: true)];

    private static List<SymmetryOperator> DiamondOrigin1()
    {
        var tetrahedral = Tetrahedral();
        return [.. tetrahedral, .. tetrahedral.Select(o => new SymmetryOperator([.. o.Rotation.Select(r => -r)], [0.25, 0.25, 0.25]))];
    }

    private static List<SymmetryOperator> DiamondOrigin2()
    {
        const double shift = 0.125;
        return [.. DiamondOrigin1().Select(o =>
        {
            var r = o.Rotation;
            var t = o.Translation;
            return new SymmetryOperator(r, [
                ((r[0] + r[1] + r[2]) * shift) + t[0] - shift,
                ((r[3] + r[4] + r[5]) * shift) + t[1] - shift,
                ((r[6] + r[7] + r[8]) * shift) + t[2] - shift,
            ]);
        })];
    }

    private static IEnumerable<SymmetryOperator> SignedPermutations(bool tetrahedralOnly)
    {
        int[][] permutations = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];
        foreach (var permutation in permutations)
        {
            for (var signs = 0; signs < 8; signs++)
            {
                int[] s = [(signs & 1) == 0 ? 1 : -1, (signs & 2) == 0 ? 1 : -1, (signs & 4) == 0 ? 1 : -1];
                if (tetrahedralOnly && s[0] * s[1] * s[2] < 0)
                {
                    continue;
                }

                var rotation = new int[9];
                for (var row = 0; row < 3; row++)
                {
                    rotation[(row * 3) + permutation[row]] = s[row];
                }

                yield return new SymmetryOperator(rotation, [0.0, 0.0, 0.0]);
            }
        }
    }

    private static List<SymmetryOperator> Centred(List<SymmetryOperator> operators, double[][] centring) =>
        [.. centring.SelectMany(c => operators.Select(o => o.Translated(c[0], c[1], c[2])))];
}
