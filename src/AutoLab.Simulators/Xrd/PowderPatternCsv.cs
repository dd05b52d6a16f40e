using System.Globalization;

namespace AutoLab.Simulators.Xrd;

/// <summary>Writes a pattern as CSV in the same shape the instrument host writes device arrays: a header, then "2θ,counts" rows.</summary>
public static class PowderPatternCsv
{
    /// <summary>Writes the pattern.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="valueName">Header of the second column.</param>
    public static void Write(TextWriter writer, PowderPattern pattern, string valueName = "counts")
    {
        writer.Write("two_theta,");
        writer.Write(valueName);
        writer.Write('\n');
        for (var i = 0; i < pattern.Counts.Count; i++)
        {
            writer.Write(pattern.TwoTheta[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(pattern.Counts[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
