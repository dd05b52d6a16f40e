using AutoLab.Instruments.Devices;

namespace AutoLab.Simulators.Behaviour;

/// <summary>Applies a command's options (keys in <see cref="BehaviourOptionKeys"/>) to <see cref="BehaviourOptions"/>.</summary>
public static class BehaviourOptionParser
{
    /// <summary>Returns <paramref name="defaults"/> with the fields the options name replaced; other keys are ignored.</summary>
    /// <param name="defaults">The instrument's defaults.</param>
    /// <param name="options">The command's options.</param>
    /// <returns>The options for this command.</returns>
    /// <exception cref="DeviceRefusedException">An option is malformed or out of range.</exception>
    public static BehaviourOptions Apply(BehaviourOptions defaults, IReadOnlyDictionary<string, string> options)
    {
        var result = defaults;
        if (options.TryGetValue(BehaviourOptionKeys.LatencySeconds, out var latency))
        {
            result = result with { Latency = TimeSpan.FromSeconds(OptionText.Number(BehaviourOptionKeys.LatencySeconds, latency, 0, 86_400)) };
        }

        if (options.TryGetValue(BehaviourOptionKeys.LatencyJitter, out var jitter))
        {
            result = result with { LatencyJitter = OptionText.Number(BehaviourOptionKeys.LatencyJitter, jitter, 0, 0.999) };
        }

        if (options.TryGetValue(BehaviourOptionKeys.Clock, out var clock))
        {
            result = result with
            {
                Clock = clock.Trim().ToLowerInvariant() switch
                {
                    "virtual" => ClockMode.Virtual,
                    "real" => ClockMode.Real,
                    _ => throw new DeviceRefusedException($"option '{BehaviourOptionKeys.Clock}' = '{clock}' is neither 'virtual' nor 'real'"),
                },
            };
        }

        if (options.TryGetValue(BehaviourOptionKeys.DriftPerHour, out var drift))
        {
            result = result with { DriftPerHour = OptionText.Number(BehaviourOptionKeys.DriftPerHour, drift, -1e6, 1e6) };
        }

        if (options.TryGetValue(BehaviourOptionKeys.NoiseFraction, out var noise))
        {
            result = result with { NoiseFraction = OptionText.Number(BehaviourOptionKeys.NoiseFraction, noise, 0, 10) };
        }

        if (options.TryGetValue(BehaviourOptionKeys.FaultRate, out var rate))
        {
            result = result with { FaultRate = OptionText.Number(BehaviourOptionKeys.FaultRate, rate, 0, 1) };
        }

        if (options.TryGetValue(BehaviourOptionKeys.FaultModes, out var modes))
        {
            result = result with { FaultModes = ParseModes(modes) };
        }

        if (options.TryGetValue(BehaviourOptionKeys.Seed, out var seed))
        {
            result = result with { Seed = OptionText.WholeNumber(BehaviourOptionKeys.Seed, seed) };
        }

        if (result.FaultRate > 0 && result.FaultModes == SimulatedFaults.None)
        {
            throw new DeviceRefusedException($"option '{BehaviourOptionKeys.FaultRate}' is above 0 but no fault modes are enabled");
        }

        return result;
    }

    private static SimulatedFaults ParseModes(string text)
    {
        var modes = SimulatedFaults.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            modes |= name.ToLowerInvariant() switch
            {
                "refusal" => SimulatedFaults.Refusal,
                "timeout" => SimulatedFaults.Timeout,
                "garbage" => SimulatedFaults.Garbage,
                _ => throw new DeviceRefusedException($"option '{BehaviourOptionKeys.FaultModes}' has unknown mode '{name}'; known: refusal, timeout, garbage"),
            };
        }

        return modes;
    }
}
