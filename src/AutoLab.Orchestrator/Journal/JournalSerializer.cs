using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AutoLab.Orchestrator.Journal;

/// <summary>The JSON settings of journal payloads and run-folder exports.</summary>
/// <remarks>
/// Property names are camelCase and enums are written by name, so the journal reads like the JSON wire
/// contract. Dictionary keys are NOT renamed: they are parameter and objective names chosen by the
/// campaign spec ("Temperature" must stay "Temperature"). Named floating-point literals ("NaN",
/// "Infinity") are allowed because an envelope limit defaults to ±infinity and an analysis may report
/// NaN; refusing them would lose the fact instead of recording it.
/// </remarks>
public static class JournalSerializer
{
    /// <summary>The options payloads are written and read with (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    /// <summary>The same options, indented, for files people read (summary.json).</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    /// <summary>Writes a payload as compact JSON.</summary>
    /// <param name="payload">A contract record.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    /// <summary>Reads a payload written by <see cref="Serialize"/>.</summary>
    /// <typeparam name="T">The payload's record type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/> (a required property missing, say).</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The payload is the JSON literal null.");

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = indented,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
