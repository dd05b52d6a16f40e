using System.Collections.Concurrent;
using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// The film of <c>examples/saxs-kriging-map.yaml</c> on the simulated SAXS camera: measured through the
/// <see cref="SaxsInstrument"/> device itself (move, expose, read), and its noise-free map of the Guinier
/// radius of gyration on a dense grid, the ground truth a reconstruction is scored against.
/// </summary>
/// <remarks>
/// <para>The ground truth at a position is the Guinier fit (<see cref="GuinierFit"/>, the instrument's own
/// analysis) of the smeared noise-free curve of the local sample, weighted by the counting uncertainty
/// that curve would have at the camera's exposure. It is what the instrument's <c>rg</c> reading scatters
/// around, so a perfect reconstruction scores zero; the particles' geometric Rg would differ from it by the
/// Guinier approximation's own bias, which no choice of measurement positions can remove.</para>
/// <para>Ground-truth maps are cached per film seed and grid size for the life of the process: they cost
/// one curve per grid point and do not depend on the strategy.</para>
/// </remarks>
public sealed class SaxsMapFilm
{
    /// <summary>Film width and height (mm), as in the example.</summary>
    public const double Size = 20.0;

    private static readonly ConcurrentDictionary<(long Seed, int PerAxis), double[]> TruthCache = new();

    private readonly SaxsInstrument _instrument;
    private readonly Guid _campaign = Guid.NewGuid();
    private readonly string _dataDirectory = Path.GetTempPath();
    private int _commands;

    /// <summary>Creates the film and its camera.</summary>
    /// <param name="filmSeed">Seed of the film's morphology.</param>
    /// <param name="noiseSeed">Seed of the counting noise.</param>
    public SaxsMapFilm(long filmSeed, long noiseSeed)
    {
        FilmSeed = filmSeed;
        _instrument = new SaxsInstrument(new SaxsSimulatorOptions
        {
            Sample = Template,
            Camera = Camera,
            SampleKind = SaxsSampleKind.Film,
            FilmSeed = filmSeed,
            FilmWidth = Size,
            FilmHeight = Size,
            Behaviour = new BehaviourOptions { Seed = noiseSeed },
        });
    }

    /// <summary>The film's mean sample: ellipsoids of equatorial radius 50 Å, 10 % Schulz polydispersity, φ = 0.05 (the example's options).</summary>
    public static SaxsSample Template { get; } = new() { Model = SaxsModel.Ellipsoid, Radius = 50.0, Polydispersity = 0.1, VolumeFraction = 0.05 };

    /// <summary>The camera of the example: q from 0.003 to 0.2 Å⁻¹ in 100 points, 3 % resolution, 5 s per spot.</summary>
    public static SaxsCameraSettings Camera { get; } = new() { QMin = 0.003, QMax = 0.2, Points = 100, CountTime = 5.0 };

    /// <summary>The search space: x and y (mm) over the film.</summary>
    public static IReadOnlyList<ParameterDefinition> Space { get; } =
    [
        new() { Name = SaxsOptionKeys.X, Kind = ParameterKind.Continuous, Lower = 0.0, Upper = Size, Unit = "mm" },
        new() { Name = SaxsOptionKeys.Y, Kind = ParameterKind.Continuous, Lower = 0.0, Upper = Size, Unit = "mm" },
    ];

    /// <summary>Seed of the film's morphology.</summary>
    public long FilmSeed { get; }

    /// <summary>Spots measured so far.</summary>
    public int Measurements => _commands;

    /// <summary>Counting time of the spots measured so far (the camera adds no latency here).</summary>
    /// <remarks>Counted from the spots (measurements × counting time), so the figure does not depend on the camera's clock mode.</remarks>
    public TimeSpan CountingTime => TimeSpan.FromSeconds(Measurements * Camera.CountTime);

    /// <summary>Measures the spot at <paramref name="point"/> as the instrument serves a campaign's measure step.</summary>
    /// <param name="point">Values for x and y (mm).</param>
    /// <returns>The instrument's scalar readings (rg, rg_sd, i0, invariant).</returns>
    /// <exception cref="DeviceRefusedException">The point is off the film.</exception>
    public IReadOnlyDictionary<string, double> Measure(ParameterPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        int command = Interlocked.Increment(ref _commands);
        // Each command gets its own idempotency key, as on the bus, so its counting noise is its own draw.
        var context = new StageContext
        {
            Instrument = SaxsRegistryExtensions.DefaultName,
            Step = ExperimentStep.Measure,
            CampaignId = _campaign,
            ExperimentId = Guid.Empty,
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"saxs-map-{command}"),
            DataDirectory = _dataDirectory,
        };
        _instrument.ConfigureAsync(new Dictionary<string, string>(), CancellationToken.None).GetAwaiter().GetResult();
        _instrument.StageAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        _instrument.SetAsync(point, CancellationToken.None).GetAwaiter().GetResult();
        _instrument.TriggerAsync(CancellationToken.None).GetAwaiter().GetResult();
        DeviceReading reading = _instrument.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        _instrument.UnstageAsync(CancellationToken.None).GetAwaiter().GetResult();
        return reading.Values;
    }

    /// <summary>The noise-free Guinier Rg (Å) at the centres of a <paramref name="perAxis"/> × <paramref name="perAxis"/> grid of cells over the film.</summary>
    /// <param name="perAxis">Grid points per axis.</param>
    /// <returns>Row-major values, index iy · perAxis + ix, at unit-cube points <see cref="GridPoints"/>.</returns>
    public double[] GroundTruth(int perAxis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perAxis, 2);
        return TruthCache.GetOrAdd((FilmSeed, perAxis), key => Compute(key.Seed, key.PerAxis));
    }

    /// <summary>Unit-cube centres of a regular grid of cells, row-major (y outer, x inner).</summary>
    /// <param name="perAxis">Points per axis.</param>
    /// <returns>perAxis² points (x, y) in (0, 1)².</returns>
    public static double[][] GridPoints(int perAxis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perAxis, 1);
        double[][] points = new double[perAxis * perAxis][];
        for (int iy = 0; iy < perAxis; iy++)
        {
            for (int ix = 0; ix < perAxis; ix++)
            {
                points[(iy * perAxis) + ix] = [(ix + 0.5) / perAxis, (iy + 0.5) / perAxis];
            }
        }

        return points;
    }

    /// <summary>The noise-free Guinier Rg (Å) at one position.</summary>
    /// <param name="film">The film.</param>
    /// <param name="x">Position (mm).</param>
    /// <param name="y">Position (mm).</param>
    /// <returns>Rg, NaN when the curve has no Guinier regime.</returns>
    public static double NoiseFreeRadiusOfGyration(FilmMorphology film, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(film);
        // With no counting the camera returns the smeared expected curve and draws nothing from the stream.
        SaxsCurve curve = SaxsCamera.Measure(film.At(x, y), Camera with { CountsPerSecondPerUnitIntensity = 0.0 }, new Random(0));
        double exposure = Camera.CountTime * Camera.CountsPerSecondPerUnitIntensity;
        // Weighted as the instrument's fit of a measured curve is: σ = √N / exposure with N the expected counts.
        double[] sigma = [.. curve.Expected.Select(i => Math.Sqrt(Math.Max(i * exposure, 1.0)) / exposure)];
        return GuinierFit.Fit(curve.Q, curve.Expected, sigma).RadiusOfGyration;
    }

    private static double[] Compute(long seed, int perAxis)
    {
        var film = new FilmMorphology(seed, Template, Size, Size);
        double[][] points = GridPoints(perAxis);
        double[] truth = new double[points.Length];
        Parallel.For(0, points.Length, i => truth[i] = NoiseFreeRadiusOfGyration(film, points[i][0] * Size, points[i][1] * Size));
        return truth;
    }
}
