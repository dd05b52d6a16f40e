using System.Collections.Concurrent;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// A simulated powder diffractometer: measures the sample the synthesis robot made (looked up by sample id in
/// the shared <see cref="SampleStore"/>), or a built-in phase or CIF named in the options, and returns the
/// pattern as a <see cref="DeviceArray"/> the host writes to a file.
/// </summary>
/// <remarks>
/// Options choose the scan (2θ range, step, count time), so adaptive XRD measures a sub-range with a
/// longer count by sending another command. Drift moves the zero shift on the instrument clock; faults and
/// noise come from <see cref="InstrumentBehaviour"/>; counting noise is Poisson. Draws come from the seed,
/// the command's idempotency key and attempt.
/// <para>For adaptive measurements (<c>examples/adaptive-xrd.yaml</c>): option <c>samples: changer</c> loads the
/// sample in the point's <c>slot</c> from a seeded sample changer (<see cref="DiffractometerSampleChanger"/>); the
/// point's knobs <c>two_theta_start</c>, <c>two_theta_stop</c> and <c>count_time</c> choose the scan within the
/// configured range (<see cref="DiffractometerScanKnobs"/>); option <c>accumulate: true</c> adds every scan of a
/// sample up and returns the merged pattern in counts per second with its per-point exposure
/// (<see cref="DiffractometerAccumulator"/>). Staged for an experiment of a run, the sums are kept in the run folder
/// (<see cref="DiffractometerSumsLocation"/>), so <c>autolab resume</c> continues them, and a command re-sent with the
/// same idempotency key and attempt is not added again.</para>
/// </remarks>
public sealed class DiffractometerInstrument
    : IConfigurable, IStageable, ICheckable<ParameterPoint>, IMovable<ParameterPoint>, ITriggerable, IReadable
{
    /// <summary>Key of the pattern in the reading.</summary>
    public const string PatternKey = "pattern";

    /// <summary>Key of the per-point summed exposure (s) in an accumulated reading.</summary>
    public const string ExposureKey = "exposure_s";

    private static readonly ConcurrentDictionary<string, CrystalStructure> CifCache = new(StringComparer.Ordinal);
    private readonly DiffractometerOptions _defaults;
    private readonly SampleStore _store;
    private readonly PowderPatternSimulator _simulator;
    private readonly InstrumentBehaviour _behaviour;
    private BehaviourOptions _behaviourOptions;
    private DiffractometerSettings _settings;
    private ScanRange _range;
    private string? _phaseOption;
    private string? _cifOption;
    private double _crystalliteSize;
    private StageContext? _context;
    private IReadOnlyList<PhaseContribution>? _phases;
    private Random? _random;
    private SimulatedFaults _fault;
    private PowderPattern? _pattern;
    private DiffractometerChangerSettings _changerSettings = DiffractometerChangerSettings.None;
    private int _slot;
    private ScanRange? _scan;
    private DiffractometerMergedPattern? _merged;

    /// <summary>Creates the diffractometer.</summary>
    /// <param name="options">Defaults; a Cu Kα1 instrument scanning 10–90° when null.</param>
    /// <param name="store">The sample shelf shared with the synthesis robot; a private one when null.</param>
    /// <param name="simulator">Pattern calculator (shares compiled phases); a new one when null.</param>
    /// <param name="timeProvider">Clock for real-time latency and drift.</param>
    public DiffractometerInstrument(DiffractometerOptions? options = null, SampleStore? store = null, PowderPatternSimulator? simulator = null, TimeProvider? timeProvider = null)
    {
        _defaults = options ?? new DiffractometerOptions();
        _defaults.Validate();
        _store = store ?? new SampleStore();
        _simulator = simulator ?? new PowderPatternSimulator();
        _behaviour = new InstrumentBehaviour(timeProvider);
        _behaviourOptions = _defaults.Behaviour;
        _settings = _defaults.Settings;
        _range = DefaultRange();
        _crystalliteSize = _defaults.CrystalliteSize;
    }

    /// <summary>The instrument's behaviour (clock and drift), for tests and logs.</summary>
    public InstrumentBehaviour Behaviour => _behaviour;

    /// <summary>The scan the current command uses.</summary>
    public ScanRange Range => _range;

    /// <inheritdoc />
    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        _behaviourOptions = BehaviourOptionParser.Apply(_defaults.Behaviour, options);
        var settings = _defaults.Settings;
        if (options.TryGetValue(XrdOptionKeys.Wavelength, out var wavelength))
        {
            settings = settings with { Wavelength = OptionText.Number(XrdOptionKeys.Wavelength, wavelength, 0.2, 5.0), Wavelength2 = null };
        }

        if (options.TryGetValue(XrdOptionKeys.ZeroShift, out var zero))
        {
            settings = settings with { ZeroShift = OptionText.Number(XrdOptionKeys.ZeroShift, zero, -5, 5) };
        }

        if (options.TryGetValue(XrdOptionKeys.SampleDisplacement, out var displacement))
        {
            settings = settings with { SampleDisplacement = OptionText.Number(XrdOptionKeys.SampleDisplacement, displacement, -5, 5) };
        }

        _settings = settings;
        double Get(string key, double fallback, double min, double max) =>
            options.TryGetValue(key, out var text) ? OptionText.Number(key, text, min, max) : fallback;
        var start = Get(XrdOptionKeys.TwoThetaMin, _defaults.TwoThetaMin, 0.01, 179);
        var stop = Get(XrdOptionKeys.TwoThetaMax, _defaults.TwoThetaMax, 0.02, 179.9);
        var step = Get(XrdOptionKeys.Step, _defaults.Step, 1e-4, 10);
        var countTime = Get(XrdOptionKeys.CountTime, _defaults.CountTime, 1e-3, 86_400);
        try
        {
            _range = new ScanRange(start, stop, step, countTime);
        }
        catch (ArgumentException ex)
        {
            throw new DeviceRefusedException($"scan options are invalid: {ex.Message}", ex);
        }

        _crystalliteSize = Get(XrdOptionKeys.CrystalliteSize, _defaults.CrystalliteSize, 0.5, 1e5);
        _phaseOption = options.TryGetValue(XrdOptionKeys.Phase, out var phase) ? phase.Trim() : null;
        _cifOption = options.TryGetValue(XrdOptionKeys.Cif, out var cif) ? cif.Trim() : null;
        if (_phaseOption is not null && !BuiltInStructures.Contains(_phaseOption))
        {
            throw new DeviceRefusedException($"option '{XrdOptionKeys.Phase}' = '{_phaseOption}' is not a built-in phase; built in: {string.Join(", ", BuiltInStructures.Names)}");
        }

        _changerSettings = DiffractometerChangerSettings.Parse(options);
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
        // The sample id is only known once staged, so the check refuses only what no sample could fix.
        var problem = _cifOption is not null && !File.Exists(_cifOption) ? $"option '{XrdOptionKeys.Cif}' names '{_cifOption}', which does not exist" : null;
        problem ??= DiffractometerScanKnobs.Problem(value, _range) ?? _changerSettings.SlotProblem(value);
        return Task.FromResult(problem is null ? CheckResult.Allowed : CheckResult.Refused(problem));
    }

    /// <summary>Loads the sample; an injected refusal happens here.</summary>
    /// <param name="value">The point (its composition is used only when the sample is not on the shelf).</param>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="DeviceRefusedException">No sample can be found or a refusal was injected.</exception>
    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _pattern = null;
        _merged = null;
        _scan = DiffractometerScanKnobs.Problem(value, _range) is { } knobs ? throw new DeviceRefusedException(knobs) : DiffractometerScanKnobs.Resolve(value, _range);
        _phases = ResolveSample(value);
        _random = _behaviour.CommandStream(_behaviourOptions, _context);
        _fault = InstrumentBehaviour.DrawFault(_behaviourOptions, _random);
        if (_fault == SimulatedFaults.Refusal)
        {
            throw new DeviceRefusedException($"injected fault: diffractometer refused the sample (fault rate {_behaviourOptions.FaultRate}, seed {_behaviourOptions.Seed})");
        }

        return Task.CompletedTask;
    }

    /// <summary>Measures the pattern; the scan takes points × count time on the instrument clock unless a latency is set.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the pattern is ready.</returns>
    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        if (_phases is null || _random is null)
        {
            throw new InvalidOperationException("diffractometer was triggered before a sample was set");
        }

        // Drift is read at the start of the scan: the zero shift wanders with instrument time.
        var settings = _settings with { ZeroShift = _settings.ZeroShift + _behaviour.Drift(_behaviourOptions) };
        var scan = _scan ?? _range;
        var duration = _behaviourOptions.Latency > TimeSpan.Zero ? (TimeSpan?)null : TimeSpan.FromSeconds(scan.Points * scan.CountTime);
        await _behaviour.WaitAsync(_behaviourOptions, _random, duration, cancellationToken);
        if (_fault == SimulatedFaults.Timeout)
        {
            await _behaviour.HangAsync(cancellationToken);
        }

        var pattern = _simulator.Measure(_phases, settings, scan, _random);
        if (_fault == SimulatedFaults.Garbage)
        {
            pattern = pattern with { Counts = [.. pattern.Counts.Select(_ => double.NaN)] };
        }
        else if (_behaviourOptions.NoiseFraction > 0)
        {
            pattern = pattern with { Counts = [.. pattern.Counts.Select(c => Math.Max(0.0, InstrumentBehaviour.Noisy(_behaviourOptions, _random, c)))] };
        }

        _pattern = pattern;
        // A garbage scan is a failed readout: it is not added, so the retried scan is counted once.
        if (_changerSettings.Accumulate && _fault != SimulatedFaults.Garbage)
        {
            _merged = AddToSums(pattern);
        }
    }

    /// <inheritdoc />
    public Task<DeviceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var pattern = _pattern ?? throw new InvalidOperationException("diffractometer was read before it measured");
        if (_changerSettings.Accumulate)
        {
            return Task.FromResult(AccumulatedReading(pattern));
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["max_counts"] = pattern.Counts.Max(),
            ["total_counts"] = pattern.Counts.Sum(),
            ["count_time_s"] = pattern.CountTime,
        };
        var array = new DeviceArray { Values = pattern.Counts, Axis = pattern.TwoTheta, AxisName = "two_theta", AxisUnits = "deg" };
        return Task.FromResult(new DeviceReading
        {
            Values = values,
            Arrays = new Dictionary<string, DeviceArray>(StringComparer.Ordinal) { [PatternKey] = array },
            SampleId = _changerSettings.Changer ? DiffractometerSampleChanger.SampleId(_slot) : _context?.SampleId is { Length: > 0 } id ? id : null,
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken)
    {
        var description = new Dictionary<string, DataKeyDescription>(StringComparer.Ordinal)
        {
            [PatternKey] = new() { Dtype = "array", Shape = [_range.Points], Units = _changerSettings.Accumulate ? "counts/s" : "counts", Source = "sim:xrd" },
            ["max_counts"] = new() { Dtype = "number", Units = "counts", Source = "sim:xrd" },
            ["total_counts"] = new() { Dtype = "number", Units = "counts", Source = "sim:xrd" },
            ["count_time_s"] = new() { Dtype = "number", Units = "s", Source = "sim:xrd" },
        };
        if (_changerSettings.Accumulate)
        {
            description[ExposureKey] = new() { Dtype = "array", Shape = [_range.Points], Units = "s", Source = "sim:xrd" };
            description["scans"] = new() { Dtype = "number", Units = "", Source = "sim:xrd" };
            description["exposure_total_s"] = new() { Dtype = "number", Units = "s", Source = "sim:xrd" };
            description["scan_points"] = new() { Dtype = "number", Units = "", Source = "sim:xrd" };
            description["scan_start"] = new() { Dtype = "number", Units = "deg", Source = "sim:xrd" };
            description["scan_stop"] = new() { Dtype = "number", Units = "deg", Source = "sim:xrd" };
            description["max_rate"] = new() { Dtype = "number", Units = "counts/s", Source = "sim:xrd" };
        }

        if (_changerSettings.Changer)
        {
            description["slot"] = new() { Dtype = "number", Units = "", Source = "sim:xrd" };
        }

        return Task.FromResult<IReadOnlyDictionary<string, DataKeyDescription>>(description);
    }

    private ScanRange DefaultRange() => new(_defaults.TwoThetaMin, _defaults.TwoThetaMax, _defaults.Step, _defaults.CountTime);

    private IReadOnlyList<PhaseContribution> ResolveSample(ParameterPoint point)
    {
        if (_changerSettings.Changer)
        {
            _slot = _changerSettings.SlotProblem(point) is { } slotProblem ? throw new DeviceRefusedException(slotProblem) : (int)point.Values[DiffractometerSampleChanger.SlotParameter];
            return DiffractometerSampleChanger.Contributions(ChangerDiagram(), _changerSettings.Seed, _slot, _crystalliteSize);
        }

        if (_phaseOption is not null)
        {
            return [new PhaseContribution(BuiltInStructures.Get(_phaseOption), 1.0, _crystalliteSize)];
        }

        if (_cifOption is not null)
        {
            return [new PhaseContribution(LoadCif(_cifOption), 1.0, _crystalliteSize)];
        }

        if (_context?.SampleId is { Length: > 0 } sampleId && _store.TryGet(sampleId, out var sample))
        {
            return [.. sample.Phases.Select(p => new PhaseContribution(p.Structure, p.Fraction, sample.CrystalliteSize))];
        }

        if (_defaults.Diagram is { } diagram)
        {
            var problem = CompositionReader.TryRead(diagram.Elements, point, out var composition);
            if (problem is null)
            {
                return [.. diagram.Equilibrium(composition).Select(p => new PhaseContribution(p.Structure, p.Fraction, _crystalliteSize))];
            }

            throw new DeviceRefusedException($"sample '{_context?.SampleId}' is not on the shelf and the point is not a composition of {diagram.Name}: {problem}");
        }

        throw new DeviceRefusedException(
            $"no sample to measure: sample '{_context?.SampleId}' is not on the shelf (was it made by this lab's synthesis robot?) and no '{XrdOptionKeys.Phase}' or '{XrdOptionKeys.Cif}' option names one");
    }

    private PhaseDiagram ChangerDiagram() => _defaults.Diagram ?? BuiltInPhaseDiagrams.FeNiAl();

    // What the accumulator adds a scan to: the slot, else the robot's sample id, else the named phase or CIF.
    private string SampleKey() =>
        _changerSettings.Changer ? DiffractometerSampleChanger.SampleId(_slot)
        : _context?.SampleId is { Length: > 0 } id ? id
        : _phaseOption ?? _cifOption ?? "sample";

    // Staged by the host, the sums live in the run folder and a re-sent command (same key and attempt) is not added twice.
    private DiffractometerMergedPattern AddToSums(PowderPattern pattern)
    {
        string sample = SampleKey();
        string key = $"{_context?.CampaignId:N}/{sample}";
        if (_context is null)
        {
            return _defaults.Accumulator.Add(key, _range, pattern);
        }

        var id = new DiffractometerScanId(_context.IdempotencyKey, _context.Attempt);
        try
        {
            return _defaults.Accumulator.Add(key, _range, pattern, id, DiffractometerSumsLocation.StateFile(_context, sample));
        }
        catch (InvalidDataException ex)
        {
            // A damaged sums file fails the same way on every attempt: refuse at once, naming the file, rather than retry.
            throw new DeviceRefusedException($"cannot add the scan of {sample}: {ex.Message}", ex);
        }
    }

    private DeviceReading AccumulatedReading(PowderPattern scan)
    {
        var garbage = _merged is null;
        var merged = _merged ?? new DiffractometerMergedPattern(scan.TwoTheta, scan.Counts, [.. scan.TwoTheta.Select(_ => scan.CountTime)], 0, 0.0);
        // A garbage readout reports NaN throughout, so the host refuses it as bad output and the step is retried.
        double Value(double value) => garbage ? double.NaN : value;
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["max_counts"] = Value(scan.Counts.Max()),
            ["total_counts"] = Value(scan.Counts.Sum()),
            ["count_time_s"] = scan.CountTime,
            ["scan_points"] = scan.TwoTheta.Count,
            ["scan_start"] = scan.TwoTheta[0],
            ["scan_stop"] = scan.TwoTheta[^1],
            ["scans"] = merged.Scans,
            ["exposure_total_s"] = Value(merged.Seconds),
            ["max_rate"] = Value(merged.Rate.Max()),
        };
        if (_changerSettings.Changer)
        {
            values["slot"] = _slot;
        }

        return new DeviceReading
        {
            Values = values,
            Arrays = new Dictionary<string, DeviceArray>(StringComparer.Ordinal)
            {
                [PatternKey] = new DeviceArray { Values = [.. merged.Rate.Select(Value)], Axis = merged.TwoTheta, AxisName = "two_theta", AxisUnits = "deg" },
                [ExposureKey] = new DeviceArray { Values = merged.Exposure, Axis = merged.TwoTheta, AxisName = "two_theta", AxisUnits = "deg" },
            },
            SampleId = _changerSettings.Changer ? DiffractometerSampleChanger.SampleId(_slot) : _context?.SampleId is { Length: > 0 } id ? id : null,
        };
    }

    private static CrystalStructure LoadCif(string path)
    {
        try
        {
            return CifCache.GetOrAdd(Path.GetFullPath(path), CifStructureReader.ReadFile);
        }
        catch (Exception ex) when (ex is CifParseException or IOException or UnauthorizedAccessException)
        {
            throw new DeviceRefusedException($"option '{XrdOptionKeys.Cif}' = '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
