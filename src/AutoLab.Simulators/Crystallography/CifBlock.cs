namespace AutoLab.Simulators.Crystallography;

/// <summary>One data block of a CIF file: single-valued items and loops, tags lower-cased.</summary>
/// <param name="Name">The block's name (after "data_").</param>
/// <param name="Line">Line of the data_ keyword.</param>
/// <param name="Items">Single-valued items by lower-case tag.</param>
/// <param name="Loops">Loops in order.</param>
public sealed record CifBlock(string Name, int Line, IReadOnlyDictionary<string, CifToken> Items, IReadOnlyList<CifLoop> Loops)
{
    /// <summary>The loop that has a tag, or null.</summary>
    /// <param name="tag">Lower-case tag.</param>
    /// <returns>The loop.</returns>
    public CifLoop? LoopWith(string tag) => Loops.FirstOrDefault(l => l.Column(tag) >= 0);
}
