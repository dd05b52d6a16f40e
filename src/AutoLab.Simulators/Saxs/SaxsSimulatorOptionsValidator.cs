namespace AutoLab.Simulators.Saxs;

/// <summary>Checks <see cref="SaxsSimulatorOptions"/>.</summary>
public static class SaxsSimulatorOptionsValidator
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A field is invalid.</exception>
    public static void ThrowIfInvalid(SaxsSimulatorOptions options)
    {
        if (options.Sample.FindProblem() is { } sample)
        {
            throw new ArgumentException($"sample: {sample}", nameof(options));
        }

        if (options.Camera.FindProblem() is { } camera)
        {
            throw new ArgumentException($"camera: {camera}", nameof(options));
        }

        if (!(options.FilmWidth > 0 && options.FilmHeight > 0 && double.IsFinite(options.FilmWidth) && double.IsFinite(options.FilmHeight)))
        {
            throw new ArgumentException($"film size must be positive (mm), not {options.FilmWidth} × {options.FilmHeight}", nameof(options));
        }

        if (options.Capacity < 1)
        {
            throw new ArgumentException($"capacity must be at least 1, not {options.Capacity}", nameof(options));
        }

        options.Behaviour.Validate();
    }
}
