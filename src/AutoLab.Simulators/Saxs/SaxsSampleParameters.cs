using AutoLab.Instruments.Devices;

namespace AutoLab.Simulators.Saxs;

/// <summary>The numeric sample parameters that options and point values may set, with their accepted ranges.</summary>
internal static class SaxsSampleParameters
{
    public static readonly IReadOnlyDictionary<string, (double Minimum, double Maximum, Func<SaxsSample, double, SaxsSample> Set)> All =
        new Dictionary<string, (double, double, Func<SaxsSample, double, SaxsSample>)>(StringComparer.Ordinal)
        {
            [SaxsOptionKeys.Radius] = (1.0, 10_000.0, (s, v) => s with { Radius = v }),
            [SaxsOptionKeys.Polydispersity] = (0.0, 0.6, (s, v) => s with { Polydispersity = v }),
            [SaxsOptionKeys.ShellThickness] = (0.0, 10_000.0, (s, v) => s with { ShellThickness = v }),
            [SaxsOptionKeys.ShellContrast] = (-100.0, 100.0, (s, v) => s with { ShellContrast = v }),
            [SaxsOptionKeys.Length] = (1.0, 100_000.0, (s, v) => s with { Length = v }),
            [SaxsOptionKeys.AspectRatio] = (0.05, 20.0, (s, v) => s with { AspectRatio = v }),
            [SaxsOptionKeys.Contrast] = (-100.0, 100.0, (s, v) => s with { Contrast = v }),
            [SaxsOptionKeys.ChainVolume] = (1.0, 1e9, (s, v) => s with { ChainVolume = v }),
            [SaxsOptionKeys.VolumeFraction] = (1e-9, 0.5, (s, v) => s with { VolumeFraction = v }),
            [SaxsOptionKeys.Background] = (0.0, 1e6, (s, v) => s with { Background = v }),
        };

    /// <summary>Sets one parameter, refusing a value out of range with a message naming it.</summary>
    public static SaxsSample Set(SaxsSample sample, string key, double value)
    {
        (double minimum, double maximum, Func<SaxsSample, double, SaxsSample> set) = All[key];
        if (!(value >= minimum && value <= maximum))
        {
            throw new DeviceRefusedException($"'{key}' = {value} is outside [{minimum}, {maximum}]");
        }

        return set(sample, value);
    }

    /// <summary>Parses a model name as the CLI and options spell it.</summary>
    public static SaxsModel? ParseModel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sphere" => SaxsModel.Sphere,
        "core-shell" or "core_shell" or "coreshell" => SaxsModel.CoreShell,
        "cylinder" => SaxsModel.Cylinder,
        "ellipsoid" => SaxsModel.Ellipsoid,
        "gaussian-chain" or "gaussian_chain" or "chain" => SaxsModel.GaussianChain,
        _ => null,
    };
}
