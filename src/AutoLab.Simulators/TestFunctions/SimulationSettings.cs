using System.Globalization;
using AutoLab.Instruments.Devices;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>The settings one command runs with: the instrument's defaults overridden by the command's options.</summary>
internal sealed record SimulationSettings(
    string? Function,
    int? Dimension,
    IReadOnlyList<string> ParameterNames,
    double NoiseStandardDeviation,
    TimeSpan Latency,
    double FaultRate,
    InjectedFaults FaultModes,
    long Seed)
{
    public static SimulationSettings From(TestFunctionSimulatorOptions options) => new(
        options.Function,
        options.Dimension,
        [.. options.ParameterNames],
        options.NoiseStandardDeviation,
        options.Latency,
        options.FaultRate,
        options.FaultModes,
        options.Seed);

    /// <summary>Applies a command's options; throws <see cref="DeviceRefusedException"/> naming a bad option.</summary>
    public SimulationSettings With(IReadOnlyDictionary<string, string> options)
    {
        var settings = this;
        if (options.TryGetValue(TestFunctionOptionKeys.Function, out var function))
        {
            if (!TestFunctionCatalog.Contains(function.Trim()))
            {
                throw new DeviceRefusedException($"option '{TestFunctionOptionKeys.Function}' = '{function}' is not a known test function; known: {string.Join(", ", TestFunctionCatalog.Names)}");
            }

            settings = settings with { Function = function.Trim() };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.Dimension, out var dimension))
        {
            settings = settings with { Dimension = (int)Number(TestFunctionOptionKeys.Dimension, dimension, 1, 10_000, integer: true) };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.Parameters, out var parameters))
        {
            var names = parameters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0)
            {
                throw new DeviceRefusedException($"option '{TestFunctionOptionKeys.Parameters}' is empty; give comma-separated parameter names");
            }

            settings = settings with { ParameterNames = names };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.NoiseStandardDeviation, out var noise))
        {
            settings = settings with { NoiseStandardDeviation = Number(TestFunctionOptionKeys.NoiseStandardDeviation, noise, 0, double.MaxValue) };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.LatencySeconds, out var latency))
        {
            settings = settings with { Latency = TimeSpan.FromSeconds(Number(TestFunctionOptionKeys.LatencySeconds, latency, 0, 86_400)) };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.FaultRate, out var rate))
        {
            settings = settings with { FaultRate = Number(TestFunctionOptionKeys.FaultRate, rate, 0, 1) };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.FaultModes, out var modes))
        {
            settings = settings with { FaultModes = ParseModes(modes) };
        }

        if (options.TryGetValue(TestFunctionOptionKeys.Seed, out var seed))
        {
            settings = settings with { Seed = (long)Number(TestFunctionOptionKeys.Seed, seed, long.MinValue, long.MaxValue, integer: true) };
        }

        if (settings.FaultRate > 0 && settings.FaultModes == InjectedFaults.None)
        {
            throw new DeviceRefusedException($"option '{TestFunctionOptionKeys.FaultRate}' is above 0 but no fault modes are enabled");
        }

        return settings;
    }

    private static double Number(string key, string text, double minimum, double maximum, bool integer = false)
    {
        var style = integer ? NumberStyles.Integer : NumberStyles.Float;
        if (!double.TryParse(text, style, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new DeviceRefusedException($"option '{key}' = '{text}' is not {(integer ? "an integer" : "a number")}");
        }

        if (value < minimum || value > maximum)
        {
            throw new DeviceRefusedException($"option '{key}' = '{text}' is outside [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}]");
        }

        return value;
    }

    private static InjectedFaults ParseModes(string text)
    {
        var modes = InjectedFaults.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            modes |= name.ToLowerInvariant() switch
            {
                "refusal" => InjectedFaults.Refusal,
                "timeout" => InjectedFaults.Timeout,
                "garbage" => InjectedFaults.Garbage,
                _ => throw new DeviceRefusedException($"option '{TestFunctionOptionKeys.FaultModes}' has unknown mode '{name}'; known: refusal, timeout, garbage"),
            };
        }

        return modes;
    }
}
