using System.Globalization;
using AutoLab.Instruments.Devices;

namespace AutoLab.Simulators.Behaviour;

/// <summary>Parses numbers from command options, refusing bad ones with a message naming the key.</summary>
public static class OptionText
{
    /// <summary>Parses a finite number in [minimum, maximum] (invariant culture).</summary>
    /// <param name="key">Option key, for the message.</param>
    /// <param name="text">Option value.</param>
    /// <param name="minimum">Smallest accepted value.</param>
    /// <param name="maximum">Largest accepted value.</param>
    /// <returns>The number.</returns>
    /// <exception cref="DeviceRefusedException">The text is not a number or is out of range.</exception>
    public static double Number(string key, string text, double minimum, double maximum)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new DeviceRefusedException($"option '{key}' = '{text}' is not a number");
        }

        if (value < minimum || value > maximum)
        {
            throw new DeviceRefusedException(
                $"option '{key}' = '{text}' is outside [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}]");
        }

        return value;
    }

    /// <summary>Parses a 64-bit integer.</summary>
    /// <param name="key">Option key, for the message.</param>
    /// <param name="text">Option value.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="DeviceRefusedException">The text is not an integer.</exception>
    public static long WholeNumber(string key, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DeviceRefusedException($"option '{key}' = '{text}' is not an integer");
}
