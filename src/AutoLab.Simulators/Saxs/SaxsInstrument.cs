using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Saxs;

/// <summary>
/// A simulated SAXS/SANS camera served through the device interfaces: it measures I(q) of a dispersion whose
/// parameters the point sets, or of the spot (x, y) on a seeded film, and reads back the curve plus scalars
/// (Guinier Rg and I(0), the invariant) that a campaign can use as objectives.
/// </summary>
/// <remarks>
/// <para>Readings: <see cref="CurveKey"/> (I(q) in cm⁻¹ against q in Å⁻¹) and <see cref="UncertaintyKey"/> as
/// arrays; <see cref="RadiusOfGyrationKey"/> and <see cref="RadiusOfGyrationUncertaintyKey"/> (Å), <see cref="ForwardIntensityKey"/> (cm⁻¹) and
/// <see cref="InvariantKey"/> (cm⁻¹ Å⁻³) as scalars.</para>
/// <para>Behaviour (<see cref="InstrumentBehaviour"/>): every command spends latency plus the counting time on
/// the instrument clock (virtual by default); drift is a relative change of the incident flux per hour; extra
/// noise multiplies the whole curve by one factor (a transmission or normalisation error); faults are drawn
/// per command. Random draws come from the seed, the command's idempotency key and attempt.</para>
/// </remarks>
public sealed class SaxsInstrument
    : IConfigurable, IStageable, ICheckable<ParameterPoint>, IMovable<ParameterPoint>, ITriggerable, IReadable
{
    /// <summary>Reading key of the measured curve.</summary>
    public const string CurveKey = "iq";

    /// <summary>Reading key of the curve's one-sigma counting uncertainty.</summary>
    public const string UncertaintyKey = "iq_sigma";

    /// <summary>Reading key of the Guinier radius of gyration (Å).</summary>
    public const string RadiusOfGyrationKey = "rg";

    /// <summary>Reading key of the Guinier Rg's one-sigma uncertainty (Å); the readings model uses it as the objective's uncertainty.</summary>
    public const string RadiusOfGyrationUncertaintyKey = "rg_sd";

    /// <summary>Reading key of the Guinier forward intensity I(0) (cm⁻¹).</summary>
    public const string ForwardIntensityKey = "i0";

    /// <summary>Reading key of the invariant ∫ q² (I − background) dq over the measured range (cm⁻¹ Å⁻³).</summary>
    public const string InvariantKey = "invariant";

    private readonly SaxsSettings _defaults;
    private readonly InstrumentBehaviour _behaviour;
    private SaxsSettings _settings;
    private FilmMorphology? _film;
    private StageContext? _context;
    private SaxsSample? _sample;
    private SaxsCameraSettings? _camera;
    private Random? _random;
    private SimulatedFaults _fault;
    private DeviceReading? _reading;

    /// <summary>Creates the instrument.</summary>
    /// <param name="options">Defaults; an ideal camera measuring 50 Å spheres when null.</param>
    /// <param name="timeProvider">Clock for real-time latency; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SaxsInstrument(SaxsSimulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new SaxsSimulatorOptions();
        SaxsSimulatorOptionsValidator.ThrowIfInvalid(options);
        _defaults = SaxsSettings.From(options);
        _settings = _defaults;
        _behaviour = new InstrumentBehaviour(timeProvider);
    }

    /// <summary>The fault injected into the current command, for logs and tests; None when healthy.</summary>
    public SimulatedFaults CurrentFault => _fault;

    /// <summary>Instrument time spent so far (latency and counting, virtual or real).</summary>
    public TimeSpan Elapsed => _behaviour.Elapsed;

    /// <inheritdoc />
    /// <exception cref="DeviceRefusedException">An option is malformed or out of range.</exception>
    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        // Options apply to one command: start from the defaults so one command's options do not leak into the next.
        _settings = _defaults.With(options);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StageAsync(StageContext context, CancellationToken cancellationToken)
    {
        _context = context;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnstageAsync(CancellationToken cancellationToken)
    {
        _context = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        var problem = Resolve(value, out _, out _);
        return Task.FromResult(problem is null ? CheckResult.Allowed : CheckResult.Refused(problem));
    }

    /// <summary>Moves the sample into the beam (or to the film position); an injected refusal happens here.</summary>
    /// <param name="value">Sample parameters or the film position.</param>
    /// <param name="cancellationToken">Unused: moving is instant.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="DeviceRefusedException">The point is invalid (when the check was skipped) or a refusal was injected.</exception>
    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _reading = null;
        _fault = SimulatedFaults.None;
        var problem = Resolve(value, out var sample, out var camera);
        if (problem is not null)
        {
            throw new DeviceRefusedException(problem);
        }

        _sample = sample;
        _camera = camera;
        _random = _behaviour.CommandStream(_settings.Behaviour, _context);
        _fault = InstrumentBehaviour.DrawFault(_settings.Behaviour, _random);
        if (_fault == SimulatedFaults.Refusal)
        {
            throw new DeviceRefusedException($"injected fault: the SAXS camera refused the sample (fault rate {_settings.Behaviour.FaultRate}, seed {_settings.Behaviour.Seed})");
        }

        return Task.CompletedTask;
    }

    /// <summary>Exposes for the counting time after the latency; an injected timeout hangs here until cancelled.</summary>
    /// <param name="cancellationToken">Cancels a real-time wait.</param>
    /// <returns>A task that completes when the curve can be read.</returns>
    /// <exception cref="InvalidOperationException">No sample was set.</exception>
    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        if (_sample is null || _camera is null || _random is null)
        {
            throw new InvalidOperationException("SAXS instrument was triggered before a sample was set");
        }

        var options = _settings.Behaviour;
        await _behaviour.WaitAsync(options, _random, options.Latency + TimeSpan.FromSeconds(_camera.CountTime), cancellationToken);
        if (_fault == SimulatedFaults.Timeout)
        {
            await _behaviour.HangAsync(cancellationToken);
        }

        double scale = Math.Max(0.0, InstrumentBehaviour.Noisy(options, _random, 1.0 + _behaviour.Drift(options)));
        var curve = SaxsCamera.Measure(_sample, _camera, _random, scale);
        _reading = _fault == SimulatedFaults.Garbage ? Garbage(curve) : Reading(curve, _sample.Background * scale);
    }

    /// <inheritdoc />
    /// <exception cref="DeviceOutputException">The curve has no Guinier regime in the measured range.</exception>
    public Task<DeviceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var reading = _reading ?? throw new InvalidOperationException("SAXS instrument was read before it was triggered");
        if (_fault != SimulatedFaults.Garbage && !double.IsFinite(reading.Values[RadiusOfGyrationKey]))
        {
            throw new DeviceOutputException(
                $"no Guinier regime: ln I does not fall with q² at the low-q end (q_min = {_camera!.QMin} 1/Å); lower q_min or check the sample");
        }

        return Task.FromResult(reading);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken)
    {
        const string source = "sim:saxs";
        int points = (_camera ?? _settings.Camera).Points;
        IReadOnlyDictionary<string, DataKeyDescription> description = new Dictionary<string, DataKeyDescription>(StringComparer.Ordinal)
        {
            [CurveKey] = new() { Dtype = "array", Shape = [points], Units = "1/cm", Source = source },
            [UncertaintyKey] = new() { Dtype = "array", Shape = [points], Units = "1/cm", Source = source },
            [RadiusOfGyrationKey] = new() { Dtype = "number", Units = "Å", Source = source },
            [RadiusOfGyrationUncertaintyKey] = new() { Dtype = "number", Units = "Å", Source = source },
            [ForwardIntensityKey] = new() { Dtype = "number", Units = "1/cm", Source = source },
            [InvariantKey] = new() { Dtype = "number", Units = "1/(cm Å^3)", Source = source },
        };
        return Task.FromResult(description);
    }

    private static DeviceReading Reading(SaxsCurve curve, double background)
    {
        var guinier = GuinierFit.Fit(curve.Q, curve.Intensity, curve.Uncertainty);
        double[] signal = [.. curve.Intensity.Select(i => i - background)];
        return new DeviceReading
        {
            Values = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [RadiusOfGyrationKey] = guinier.RadiusOfGyration,
                [RadiusOfGyrationUncertaintyKey] = guinier.RadiusOfGyrationUncertainty,
                [ForwardIntensityKey] = guinier.ForwardIntensity,
                [InvariantKey] = ScatteringInvariant.Compute(curve.Q, signal),
            },
            Arrays = new Dictionary<string, DeviceArray>(StringComparer.Ordinal)
            {
                [CurveKey] = Array(curve.Q, curve.Intensity),
                [UncertaintyKey] = Array(curve.Q, curve.Uncertainty),
            },
        };
    }

    private static DeviceReading Garbage(SaxsCurve curve)
    {
        double[] nan = [.. curve.Q.Select(_ => double.NaN)];
        return new DeviceReading
        {
            Values = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [RadiusOfGyrationKey] = double.NaN,
                [RadiusOfGyrationUncertaintyKey] = double.NaN,
                [ForwardIntensityKey] = double.NaN,
                [InvariantKey] = double.NaN,
            },
            Arrays = new Dictionary<string, DeviceArray>(StringComparer.Ordinal)
            {
                [CurveKey] = Array(curve.Q, nan),
                [UncertaintyKey] = Array(curve.Q, nan),
            },
        };
    }

    private static DeviceArray Array(double[] q, double[] values) => new() { Values = values, Axis = q, AxisName = "q", AxisUnits = "1/Å" };

    private string? Resolve(ParameterPoint point, out SaxsSample? sample, out SaxsCameraSettings? camera)
    {
        sample = _settings.Sample;
        camera = _settings.Camera;
        try
        {
            if (_settings.Kind == SaxsSampleKind.Film)
            {
                if (!point.Values.TryGetValue(SaxsOptionKeys.X, out double x) || !point.Values.TryGetValue(SaxsOptionKeys.Y, out double y))
                {
                    return $"a film measurement needs parameters '{SaxsOptionKeys.X}' and '{SaxsOptionKeys.Y}' (mm)";
                }

                var film = Film();
                if (!film.Contains(x, y))
                {
                    return $"position ({x}, {y}) mm is off the film [0, {film.Width}] × [0, {film.Height}] mm";
                }

                sample = film.At(x, y);
            }

            foreach ((string name, double value) in point.Values)
            {
                if (name == SaxsOptionKeys.CountTime)
                {
                    camera = camera with { CountTime = value };
                }
                else if (SaxsSampleParameters.All.ContainsKey(name) && _settings.Kind == SaxsSampleKind.Solution)
                {
                    sample = SaxsSampleParameters.Set(sample, name, value);
                }
                else if (_settings.Kind == SaxsSampleKind.Solution || (name != SaxsOptionKeys.X && name != SaxsOptionKeys.Y))
                {
                    return $"parameter '{name}' means nothing to the SAXS camera in {_settings.Kind.ToString().ToLowerInvariant()} mode; " +
                           (_settings.Kind == SaxsSampleKind.Film
                               ? $"it reads {SaxsOptionKeys.X}, {SaxsOptionKeys.Y} and {SaxsOptionKeys.CountTime}"
                               : $"it reads {string.Join(", ", SaxsSampleParameters.All.Keys)} and {SaxsOptionKeys.CountTime}");
                }
            }
        }
        catch (DeviceRefusedException e)
        {
            return e.Message;
        }

        var problem = sample.FindProblem() ?? camera.FindProblem();
        if (problem is not null)
        {
            sample = null;
            camera = null;
        }

        return problem;
    }

    private FilmMorphology Film()
    {
        if (_film is { } film && film.Seed == _settings.FilmSeed && film.Width == _settings.FilmWidth && film.Height == _settings.FilmHeight && film.Template == _settings.Sample)
        {
            return film;
        }

        _film = new FilmMorphology(_settings.FilmSeed, _settings.Sample, _settings.FilmWidth, _settings.FilmHeight);
        return _film;
    }
}
