namespace AutoLab.Simulators.Crystallography;

/// <summary>A CIF loop: its tags and its rows of values (tokens, so each value keeps its line).</summary>
/// <param name="Tags">Lower-case tags in order.</param>
/// <param name="Rows">Rows, each with one token per tag.</param>
/// <param name="Line">Line of the loop_ keyword.</param>
public sealed record CifLoop(IReadOnlyList<string> Tags, IReadOnlyList<IReadOnlyList<CifToken>> Rows, int Line)
{
    /// <summary>Column of a tag, or -1.</summary>
    /// <param name="tag">Lower-case tag.</param>
    /// <returns>The column index.</returns>
    public int Column(string tag)
    {
        for (var i = 0; i < Tags.Count; i++)
        {
            if (Tags[i] == tag)
            {
                return i;
            }
        }

        return -1;
    }
}
