using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Saxs;

/// <summary>
/// A 2-D film whose nanostructure varies smoothly with position: particle size, shape (aspect ratio) and
/// in-plane orientation are seeded random fields of (x, y), so a mapping campaign has something to find.
/// </summary>
/// <remarks>
/// Each field is a <see cref="SmoothField"/> g(x, y) in (−1, 1): radius = R₀ · exp(<see cref="RadiusLogSpread"/> · g₁),
/// aspect ratio = exp(<see cref="AspectLogSpread"/> · g₂) (prolate where positive, oblate where negative),
/// orientation angle = 90° · g₃ with a fixed spread. The template supplies everything else (model, contrast,
/// polydispersity, volume fraction, background). Same seed, same film.
/// </remarks>
public sealed class FilmMorphology
{
    /// <summary>Largest relative change of the radius, as a natural-log amplitude.</summary>
    public const double RadiusLogSpread = 0.4;

    /// <summary>Largest change of the aspect ratio, as a natural-log amplitude (ratios between 1/2 and 2).</summary>
    public const double AspectLogSpread = 0.7;

    /// <summary>Standard deviation of the local in-plane orientation (degrees).</summary>
    public const double OrientationSpreadDegrees = 20.0;

    private readonly SaxsSample _template;
    private readonly SmoothField _radius;
    private readonly SmoothField _aspect;
    private readonly SmoothField _angle;

    /// <summary>Creates a film.</summary>
    /// <param name="seed">Seed of the morphology (not of the counting noise).</param>
    /// <param name="template">Sample at the film's mean structure; its <see cref="SaxsSample.Radius"/> is R₀. Ellipsoids of R₀ = 50 Å when null.</param>
    /// <param name="width">Film width (mm); x runs over [0, width].</param>
    /// <param name="height">Film height (mm); y runs over [0, height].</param>
    /// <exception cref="ArgumentException">The template is invalid or a dimension is not positive.</exception>
    public FilmMorphology(long seed, SaxsSample? template = null, double width = 20.0, double height = 20.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        _template = template ?? new SaxsSample { Model = SaxsModel.Ellipsoid, Polydispersity = 0.1, VolumeFraction = 0.05 };
        if (_template.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(template));
        }

        Seed = seed;
        Width = width;
        Height = height;
        var random = RandomStreams.For(seed, "saxs-film-morphology");
        double correlation = Math.Max(width, height);
        _radius = new SmoothField(random, correlation);
        _aspect = new SmoothField(random, correlation);
        _angle = new SmoothField(random, correlation);
    }

    /// <summary>Seed of the morphology.</summary>
    public long Seed { get; }

    /// <summary>The sample at the film's mean structure.</summary>
    public SaxsSample Template => _template;

    /// <summary>Film width (mm).</summary>
    public double Width { get; }

    /// <summary>Film height (mm).</summary>
    public double Height { get; }

    /// <summary>Whether a position lies on the film.</summary>
    /// <param name="x">Position (mm).</param>
    /// <param name="y">Position (mm).</param>
    /// <returns>True inside [0, width] × [0, height].</returns>
    public bool Contains(double x, double y) => x >= 0 && x <= Width && y >= 0 && y <= Height;

    /// <summary>The local sample at a position.</summary>
    /// <param name="x">Position (mm).</param>
    /// <param name="y">Position (mm).</param>
    /// <returns>The template with the local radius, aspect ratio and orientation.</returns>
    public SaxsSample At(double x, double y) => _template with
    {
        Radius = _template.Radius * Math.Exp(RadiusLogSpread * _radius.At(x, y)),
        AspectRatio = Math.Exp(AspectLogSpread * _aspect.At(x, y)),
        Orientation = new InPlaneOrientation(90.0 * _angle.At(x, y), OrientationSpreadDegrees),
    };
}
