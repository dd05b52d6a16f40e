using System.Collections.Frozen;

namespace AutoLab.Simulators.Crystallography;

/// <summary>X-ray atomic form factors f0 from Cromer–Mann coefficients (International Tables for Crystallography Vol. C, Table 6.1.1.4).</summary>
/// <remarks>
/// Only the atoms and ions the built-in structures and examples need are tabulated; each set sums to
/// its electron count at s = 0 within 0.05 (a test checks that). Anomalous dispersion (f′, f″) is
/// neglected, which also makes Friedel pairs equal.
/// </remarks>
public static class AtomicFormFactors
{
    private static readonly FrozenDictionary<string, CromerMann> Table = new Dictionary<string, CromerMann>(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = new(2.3100, 20.8439, 1.0200, 10.2075, 1.5886, 0.5687, 0.8650, 51.6512, 0.2156),
        ["O"] = new(3.0485, 13.2771, 2.2868, 5.7011, 1.5463, 0.3239, 0.8670, 32.9089, 0.2508),
        ["Na"] = new(4.7626, 3.2850, 3.1736, 8.8422, 1.2674, 0.3136, 1.1128, 129.424, 0.6760),
        ["Mg"] = new(5.4204, 2.8275, 2.1735, 79.2611, 1.2269, 0.3808, 2.3073, 7.1937, 0.8584),
        ["Al"] = new(6.4202, 3.0387, 1.9002, 0.7426, 1.5936, 31.5472, 1.9646, 85.0886, 1.1151),
        ["Si"] = new(6.2915, 2.4386, 3.0353, 32.3337, 1.9891, 0.6785, 1.5410, 81.6937, 1.1407),
        ["Cl"] = new(11.4604, 0.0104, 7.1964, 1.1662, 6.2556, 18.5194, 1.6455, 47.7784, -9.5574),
        ["Ti"] = new(9.7595, 7.8508, 7.3558, 0.5000, 1.6991, 35.6338, 1.9021, 116.105, 1.2807),
        ["Fe"] = new(11.7695, 4.7611, 7.3573, 0.3072, 3.5222, 15.3535, 2.3045, 76.8805, 1.0369),
        ["Fe2+"] = new(11.0424, 4.6538, 7.3740, 0.3053, 4.1346, 12.0546, 0.4399, 31.2809, 1.0097),
        ["Fe3+"] = new(11.1764, 4.6147, 7.3863, 0.3005, 3.3948, 11.6729, 0.0724, 38.5566, 0.9707),
        ["Co"] = new(12.2841, 4.2791, 7.3409, 0.2784, 4.0034, 13.5359, 2.3488, 71.1692, 1.0118),
        ["Ni"] = new(12.8376, 3.8785, 7.2920, 0.2565, 4.4438, 12.1763, 2.3800, 66.3421, 1.0341),
        ["Cu"] = new(13.3380, 3.5828, 7.1676, 0.2470, 5.6158, 11.3966, 1.6735, 64.8126, 1.1910),
        ["Zn"] = new(14.0743, 3.2655, 7.0318, 0.2333, 5.1652, 10.3163, 2.4100, 58.7097, 1.3041),
        ["Ga"] = new(15.2354, 3.0669, 6.7006, 0.2412, 4.3591, 10.7805, 2.9623, 61.4135, 1.7189),
        ["Sr"] = new(17.5663, 1.5564, 9.8184, 14.0988, 5.4220, 0.1664, 2.6694, 132.376, 2.5064),
        ["Pd"] = new(19.3319, 0.698655, 15.5017, 7.98929, 5.29537, 25.2052, 0.605844, 76.8986, 5.26593),
        ["Cs"] = new(20.3892, 3.5690, 19.1062, 0.3107, 10.6620, 24.3879, 1.4953, 213.904, 3.3352),
        ["W"] = new(29.0818, 1.72029, 15.4300, 9.2259, 14.4327, 0.321703, 5.11982, 57.0560, 9.8875),
        ["Au"] = new(16.8819, 0.4611, 18.5913, 8.6216, 25.5582, 1.4826, 5.8600, 36.3956, 12.0658),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Atoms and ions in the table.</summary>
    public static IReadOnlyCollection<string> Symbols => Table.Keys;

    /// <summary>
    /// Finds the coefficients for a CIF type symbol: the ion when tabulated ("Fe3+"), else the neutral atom
    /// ("Na+" → "Na", "O2-" → "O", "Fe1" → "Fe").
    /// </summary>
    /// <param name="typeSymbol">Type symbol or label.</param>
    /// <param name="coefficients">The coefficients found.</param>
    /// <returns>Whether the atom is tabulated.</returns>
    public static bool TryGet(string typeSymbol, out CromerMann coefficients)
    {
        var symbol = typeSymbol.Trim();
        if (Table.TryGetValue(symbol, out coefficients!))
        {
            return true;
        }

        var length = 0;
        while (length < symbol.Length && char.IsAsciiLetter(symbol[length]) && (length == 0 || char.IsAsciiLetterLower(symbol[length])) && length < 2)
        {
            length++;
        }

        return Table.TryGetValue(symbol[..length], out coefficients!);
    }
}
