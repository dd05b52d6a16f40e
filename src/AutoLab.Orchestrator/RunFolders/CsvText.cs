using System.Globalization;
using System.Text;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>RFC 4180 fields: CRLF records, quotes around fields holding a comma, quote or line break.</summary>
internal static class CsvText
{
    public const string RecordEnd = "\r\n";

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void AppendRecord(StringBuilder csv, IEnumerable<string> fields)
    {
        bool first = true;
        foreach (string field in fields)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            if (field.IndexOfAny(NeedsQuotes) >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append(RecordEnd);
    }

    /// <summary>Invariant culture, shortest text that parses back to the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A column name with its unit in brackets, e.g. <c>x1[mm]</c>; no brackets when dimensionless.</summary>
    public static string Header(string name, string unit) => unit.Length == 0 ? name : $"{name}[{unit}]";
}
