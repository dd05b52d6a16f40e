using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Hosting;

/// <summary>Writes a device array as a two-column CSV file (axis, values) and returns its claim check.</summary>
/// <remarks>
/// The file is <c>{step}-{key}.csv</c> in the command's data folder; the header row is
/// <c>{AxisName},{key}</c>, the first column is the axis (or the 0-based index) and numbers use the
/// invariant culture with round-trip precision. A retried step overwrites its own file.
/// </remarks>
internal static class ArrayFileWriter
{
    public static async Task<DataReference> WriteAsync(
        string directory,
        string stepName,
        string key,
        DeviceArray array,
        CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append(CsvField(array.AxisName)).Append(',').Append(CsvField(key)).Append('\n');
        for (var i = 0; i < array.Values.Count; i++)
        {
            var axis = array.Axis is { } values ? values[i] : i;
            text.Append(axis.ToString("R", CultureInfo.InvariantCulture))
                .Append(',')
                .Append(array.Values[i].ToString("R", CultureInfo.InvariantCulture))
                .Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{stepName}-{SafeFileName(key)}.csv");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return new DataReference
        {
            Key = key,
            Uri = new Uri(path).AbsoluteUri,
            MediaType = "text/csv",
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }

    private static string SafeFileName(string key) =>
        string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
