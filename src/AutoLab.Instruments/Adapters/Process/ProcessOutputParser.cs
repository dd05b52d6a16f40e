using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Adapters.Process;

/// <summary>
/// Turns a process instrument's stdout into a <see cref="DeviceReading"/>, or throws a
/// <see cref="DeviceOutputException"/> that names the bad field and where it is.
/// </summary>
internal static partial class ProcessOutputParser
{
    private static readonly string[] NonFiniteLiterals = ["NaN", "-Infinity", "Infinity", "+Infinity"];

    public static DeviceReading Parse(string stdout, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(stdout))
        {
            throw new DeviceOutputException("the process wrote nothing on stdout; expected one JSON object with \"readings\"");
        }

        using var document = ParseJson(stdout);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DeviceOutputException($"stdout must be one JSON object, but it is a JSON {Kind(root)}");
        }

        if (!root.TryGetProperty("readings", out var readings))
        {
            var keys = string.Join(", ", root.EnumerateObject().Select(p => $"\"{p.Name}\""));
            throw new DeviceOutputException($"stdout JSON has no \"readings\" object (its keys: {(keys.Length == 0 ? "none" : keys)})");
        }

        return new DeviceReading
        {
            Values = ParseReadings(readings),
            Files = root.TryGetProperty("data", out var data) ? ParseData(data, dataDirectory) : [],
            SampleId = root.TryGetProperty("sampleId", out var sample) ? ParseSampleId(sample) : null,
        };
    }

    private static JsonDocument ParseJson(string stdout)
    {
        try
        {
            return JsonDocument.Parse(stdout);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0);
            var offset = OffsetOf(stdout, line, column);
            var where = $"line {line + 1}, position {column + 1}";
            // The reader stops at the literal itself, or just after the sign of "-Infinity".
            var start = offset > 0 && stdout[offset - 1] is '-' or '+' ? offset - 1 : offset;
            var literal = NonFiniteLiterals.FirstOrDefault(l => string.CompareOrdinal(stdout, start, l, 0, l.Length) == 0);
            if (literal is not null)
            {
                var property = LastPropertyName().Match(stdout[..start]);
                var field = property.Success ? $"\"{property.Groups[1].Value}\"" : "a value";
                throw new DeviceOutputException($"stdout JSON: {field} is {literal} ({where}); readings must be finite numbers", ex);
            }

            throw new DeviceOutputException($"stdout is not valid JSON at {where}, near '{Snippet(stdout, offset)}': {FirstSentence(ex.Message)}", ex);
        }
    }

    private static Dictionary<string, double> ParseReadings(JsonElement readings)
    {
        if (readings.ValueKind != JsonValueKind.Object)
        {
            throw new DeviceOutputException($"\"readings\" must be an object of name: number, but it is a JSON {Kind(readings)}");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in readings.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number)
            {
                throw new DeviceOutputException($"readings.{property.Name} is a JSON {Kind(property.Value)} ({Raw(property.Value)}), expected a finite number");
            }

            if (!property.Value.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw new DeviceOutputException($"readings.{property.Name} = {property.Value.GetRawText()} is not a finite number");
            }

            values[property.Name] = value;
        }

        return values;
    }

    private static List<DataReference> ParseData(JsonElement data, string dataDirectory)
    {
        if (data.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new DeviceOutputException($"\"data\" must be an array of {{\"key\", \"uri\", \"mediaType\"}} objects, but it is a JSON {Kind(data)}");
        }

        var references = new List<DataReference>();
        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            var where = $"data[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new DeviceOutputException($"{where} must be an object, but it is a JSON {Kind(item)}");
            }

            var key = RequiredString(item, "key", where);
            var uri = RequiredString(item, "uri", where);
            var mediaType = item.TryGetProperty("mediaType", out var media) && media.ValueKind == JsonValueKind.String
                ? media.GetString()!
                : "application/octet-stream";
            references.Add(Resolve(key, uri, mediaType, where, dataDirectory));
        }

        return references;
    }

    private static DataReference Resolve(string key, string uri, string mediaType, string where, string dataDirectory)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            // Not a file (e.g. an object-store URL): pass it on as written; its size is not ours to know.
            return new DataReference { Key = key, Uri = uri, MediaType = mediaType };
        }

        var path = absolute is { IsFile: true } ? absolute.LocalPath : Path.GetFullPath(Path.Combine(dataDirectory, uri));
        if (!File.Exists(path))
        {
            throw new DeviceOutputException($"{where}.uri '{uri}' names a file that does not exist (looked at {path})");
        }

        var bytes = File.ReadAllBytes(path);
        return new DataReference
        {
            Key = key,
            Uri = new Uri(path).AbsoluteUri,
            MediaType = mediaType,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }

    private static string RequiredString(JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            throw new DeviceOutputException($"{where} has no \"{name}\"");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new DeviceOutputException($"{where}.{name} must be a non-empty string, but it is {Raw(value)}");
        }

        return value.GetString()!;
    }

    private static string? ParseSampleId(JsonElement sample) => sample.ValueKind switch
    {
        JsonValueKind.String => sample.GetString(),
        JsonValueKind.Null => null,
        _ => throw new DeviceOutputException($"\"sampleId\" must be a string, but it is a JSON {Kind(sample)} ({Raw(sample)})"),
    };

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Raw(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "...";
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + 1;
        }

        // Position in line is in UTF-8 bytes; for the ASCII JSON scripts print it equals characters.
        return Math.Min(text.Length, offset + column);
    }

    private static string Snippet(string text, int offset)
    {
        var start = Math.Max(0, offset - 20);
        var end = Math.Min(text.Length, offset + 20);
        return (start > 0 ? "..." : "") + text[start..end].ReplaceLineEndings(" ") + (end < text.Length ? "..." : "");
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends advice about reader options and the raw position; the first sentence is the point.
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message.Trim();
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LastPropertyName();
}
