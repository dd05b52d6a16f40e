using System.Text.Json;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Adapters.Process;

/// <summary>Writes the one JSON object a process instrument receives on stdin.</summary>
internal static class ProcessRequest
{
    public static byte[] Write(StageContext? context, ParameterPoint point, IReadOnlyDictionary<string, string> options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("step", (context?.Step.ToString() ?? "Measure").ToLowerInvariant());
            json.WriteString("instrument", context?.Instrument ?? "");
            json.WriteString("campaignId", context?.CampaignId ?? Guid.Empty);
            json.WriteString("experimentId", context?.ExperimentId ?? Guid.Empty);
            json.WriteString("idempotencyKey", context?.IdempotencyKey ?? "");
            json.WriteNumber("attempt", context?.Attempt ?? 1);
            json.WriteString("sampleId", context?.SampleId ?? "");
            json.WriteStartObject("parameters");
            foreach (var (name, value) in point.Values)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            WriteStrings(json, "choices", point.Choices);
            WriteStrings(json, "options", options);
            json.WriteString("dataDirectory", context?.DataDirectory ?? "");
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }
}
