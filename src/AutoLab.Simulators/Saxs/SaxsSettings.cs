using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Saxs;

/// <summary>The settings one command runs with: the instrument's defaults overridden by the command's options.</summary>
internal sealed record SaxsSettings(
    SaxsSample Sample,
    SaxsCameraSettings Camera,
    SaxsSampleKind Kind,
    long FilmSeed,
    double FilmWidth,
    double FilmHeight,
    BehaviourOptions Behaviour)
{
    /// <summary>Model names as options spell them.</summary>
    public const string ModelNames = "sphere, core-shell, cylinder, ellipsoid, gaussian-chain";

    public static SaxsSettings From(SaxsSimulatorOptions options) => new(
        options.Sample, options.Camera, options.SampleKind, options.FilmSeed, options.FilmWidth, options.FilmHeight, options.Behaviour);

    /// <summary>Applies a command's options; throws <see cref="DeviceRefusedException"/> naming a bad option.</summary>
    public SaxsSettings With(IReadOnlyDictionary<string, string> options)
    {
        var sample = Sample;
        if (options.TryGetValue(SaxsOptionKeys.Model, out var model))
        {
            sample = sample with
            {
                Model = SaxsSampleParameters.ParseModel(model)
                    ?? throw new DeviceRefusedException($"option '{SaxsOptionKeys.Model}' = '{model}' is not a model; known: {ModelNames}"),
            };
        }

        foreach (var key in SaxsSampleParameters.All.Keys)
        {
            if (options.TryGetValue(key, out var text))
            {
                sample = SaxsSampleParameters.Set(sample, key, OptionText.Number(key, text, double.MinValue, double.MaxValue));
            }
        }

        if (options.TryGetValue(SaxsOptionKeys.StructureFactor, out var structure))
        {
            sample = sample with
            {
                HardSphereInteractions = bool.TryParse(structure.Trim(), out bool on)
                    ? on
                    : throw new DeviceRefusedException($"option '{SaxsOptionKeys.StructureFactor}' = '{structure}' is neither 'true' nor 'false'"),
            };
        }

        var camera = Camera;
        camera = Number(options, SaxsOptionKeys.QMin, 1e-5, 10.0) is { } qMin ? camera with { QMin = qMin } : camera;
        camera = Number(options, SaxsOptionKeys.QMax, 1e-5, 10.0) is { } qMax ? camera with { QMax = qMax } : camera;
        if (options.TryGetValue(SaxsOptionKeys.Points, out var pointsText))
        {
            long points = OptionText.WholeNumber(SaxsOptionKeys.Points, pointsText);
            camera = camera with { Points = (int)Math.Clamp(points, 0, int.MaxValue) };
        }

        camera = Number(options, SaxsOptionKeys.Resolution, 0, ResolutionSmearing.MaxRelativeResolution) is { } resolution ? camera with { RelativeResolution = resolution } : camera;
        camera = Number(options, SaxsOptionKeys.CountTime, 1e-6, 86_400) is { } time ? camera with { CountTime = time } : camera;
        camera = Number(options, SaxsOptionKeys.CountsPerSecond, 0, 1e15) is { } flux ? camera with { CountsPerSecondPerUnitIntensity = flux } : camera;
        if (camera.FindProblem() is { } problem)
        {
            throw new DeviceRefusedException($"camera options: {problem}");
        }

        var kind = Kind;
        if (options.TryGetValue(SaxsOptionKeys.SampleKind, out var kindText))
        {
            kind = kindText.Trim().ToLowerInvariant() switch
            {
                "film" => SaxsSampleKind.Film,
                "solution" => SaxsSampleKind.Solution,
                _ => throw new DeviceRefusedException($"option '{SaxsOptionKeys.SampleKind}' = '{kindText}' is neither 'film' nor 'solution'"),
            };
        }

        long filmSeed = options.TryGetValue(SaxsOptionKeys.FilmSeed, out var seedText) ? OptionText.WholeNumber(SaxsOptionKeys.FilmSeed, seedText) : FilmSeed;
        return new SaxsSettings(
            sample,
            camera,
            kind,
            filmSeed,
            Number(options, SaxsOptionKeys.FilmWidth, 1e-3, 1e4) ?? FilmWidth,
            Number(options, SaxsOptionKeys.FilmHeight, 1e-3, 1e4) ?? FilmHeight,
            BehaviourOptionParser.Apply(Behaviour, options));
    }

    private static double? Number(IReadOnlyDictionary<string, string> options, string key, double minimum, double maximum) =>
        options.TryGetValue(key, out var text) ? OptionText.Number(key, text, minimum, maximum) : null;
}
