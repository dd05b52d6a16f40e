using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoLab.Analysis.Registry;

/// <summary>The JSON settings of cards and of the options they embed.</summary>
internal static class CardJson
{
    /// <summary>Indented, enums as names, NaN allowed (a metric may be undefined on a tiny held-out set).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
