using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// A command's sample-changer and accumulation options (<see cref="XrdOptionKeys.Samples"/>,
/// <see cref="XrdOptionKeys.ChangerSeed"/>, <see cref="XrdOptionKeys.ChangerSize"/>, <see cref="XrdOptionKeys.Accumulate"/>).
/// </summary>
/// <param name="Changer">Whether samples come from the changer (option <c>samples: changer</c>).</param>
/// <param name="Seed">Seed of the changer's compositions (default 1).</param>
/// <param name="Size">Slots 1 … size (default 24).</param>
/// <param name="Accumulate">Whether scans of a sample are added up (option <c>accumulate</c>).</param>
public sealed record DiffractometerChangerSettings(bool Changer, long Seed, int Size, bool Accumulate)
{
    /// <summary>Slots when <see cref="XrdOptionKeys.ChangerSize"/> is not given.</summary>
    public const int DefaultSize = 24;

    /// <summary>No changer, no accumulation: the diffractometer's behaviour before these options existed.</summary>
    public static DiffractometerChangerSettings None { get; } = new(false, 1, DefaultSize, false);

    /// <summary>Reads the options.</summary>
    /// <param name="options">The command's options.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="DeviceRefusedException">An option is malformed; the message names it.</exception>
    public static DiffractometerChangerSettings Parse(IReadOnlyDictionary<string, string> options)
    {
        string samples = options.TryGetValue(XrdOptionKeys.Samples, out var text) ? text.Trim().ToLowerInvariant() : "";
        if (samples.Length > 0 && samples != XrdOptionKeys.ChangerSamples)
        {
            throw new DeviceRefusedException($"option '{XrdOptionKeys.Samples}' = '{text}' is not '{XrdOptionKeys.ChangerSamples}' (leave it out to measure the robot's samples, a phase or a CIF)");
        }

        long seed = options.TryGetValue(XrdOptionKeys.ChangerSeed, out var seedText) ? OptionText.WholeNumber(XrdOptionKeys.ChangerSeed, seedText) : 1;
        int size = options.TryGetValue(XrdOptionKeys.ChangerSize, out var sizeText) ? (int)OptionText.WholeNumber(XrdOptionKeys.ChangerSize, sizeText) : DefaultSize;
        if (size is < 1 or > 100_000)
        {
            throw new DeviceRefusedException($"option '{XrdOptionKeys.ChangerSize}' = {size} must be from 1 to 100000 slots");
        }

        bool accumulate = options.TryGetValue(XrdOptionKeys.Accumulate, out var accumulateText) && accumulateText.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw new DeviceRefusedException($"option '{XrdOptionKeys.Accumulate}' = '{accumulateText}' is neither true nor false"),
        };
        return new DiffractometerChangerSettings(samples.Length > 0, seed, size, accumulate);
    }

    /// <summary>Why the point names no slot of the changer, or null when it does (or there is no changer).</summary>
    /// <param name="point">The point.</param>
    /// <returns>A message naming the knob, or null.</returns>
    public string? SlotProblem(ParameterPoint point)
    {
        if (!Changer)
        {
            return null;
        }

        const string Slot = DiffractometerSampleChanger.SlotParameter;
        if (!point.Values.TryGetValue(Slot, out var slot))
        {
            return $"option '{XrdOptionKeys.Samples}' is '{XrdOptionKeys.ChangerSamples}', so the point needs an integer parameter '{Slot}' naming the slot (1–{Size})";
        }

        return slot == Math.Round(slot) && slot >= 1 && slot <= Size
            ? null
            : $"knob '{Slot}' = {slot} is not a slot of the sample changer (an integer from 1 to {Size}, option '{XrdOptionKeys.ChangerSize}')";
    }
}
