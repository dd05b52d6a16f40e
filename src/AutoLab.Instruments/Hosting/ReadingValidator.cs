using System.Globalization;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Hosting;

/// <summary>Rejects readings that cannot be used: non-finite numbers, empty keys, axes of the wrong length.</summary>
internal static class ReadingValidator
{
    public static void Validate(string instrument, DeviceReading reading)
    {
        foreach (var (key, value) in reading.Values)
        {
            RequireKey(instrument, key);
            if (!double.IsFinite(value))
            {
                throw new DeviceOutputException($"instrument '{instrument}' returned a non-finite reading '{key}' = {Format(value)}");
            }
        }

        foreach (var (key, array) in reading.Arrays)
        {
            RequireKey(instrument, key);
            if (array?.Values is null)
            {
                throw new DeviceOutputException($"instrument '{instrument}' returned array '{key}' without values");
            }

            RequireFinite(instrument, $"array '{key}'", array.Values);
            if (array.Axis is { } axis)
            {
                if (axis.Count != array.Values.Count)
                {
                    throw new DeviceOutputException($"instrument '{instrument}' returned array '{key}' with {array.Values.Count} values but {axis.Count} axis points");
                }

                RequireFinite(instrument, $"axis of array '{key}'", axis);
            }
        }
    }

    private static void RequireKey(string instrument, string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new DeviceOutputException($"instrument '{instrument}' returned a value with an empty name");
        }
    }

    private static void RequireFinite(string instrument, string what, IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new DeviceOutputException($"instrument '{instrument}' returned {what} with element {i} = {Format(values[i])}");
            }
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
