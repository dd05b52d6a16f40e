using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Instrument;

/// <summary>
/// A simulated storage ring served as an instrument: setting it moves the sextupole power supplies
/// (the knobs), triggering it measures the dynamic aperture and the other objectives by tracking.
/// </summary>
/// <remarks>
/// <para>Knob limits are checked before moving (<see cref="ICheckable{T}"/>); the registry also declares
/// them as the safety envelope, so the host refuses an out-of-range point before the device sees it.</para>
/// <para>Behaviour (<see cref="BehaviourOptions"/>): latency per measurement, drift of every family's
/// delivered K2 with instrument time (a power-supply drift, 1/m³ per hour), multiplicative noise on the
/// readings, and seeded refusals, timeouts and garbage. Draws come from the seed, the command's
/// idempotency key and its attempt: same seed, same data.</para>
/// </remarks>
public sealed class RingInstrument
    : IConfigurable, IStageable, ICheckable<ParameterPoint>, IMovable<ParameterPoint>, ITriggerable, IReadable
{
    private readonly Lattice _lattice;
    private readonly IReadOnlyList<RingKnob> _knobs;
    private readonly RingEvaluationSettings _defaultEvaluation;
    private readonly BehaviourOptions _defaultBehaviour;
    private readonly InstrumentBehaviour _behaviour;
    private RingEvaluationSettings _evaluation;
    private BehaviourOptions _options;
    private StageContext? _context;
    private Dictionary<string, double>? _strengths;
    private Random? _random;
    private SimulatedFaults _fault;
    private Dictionary<string, double>? _values;

    /// <summary>Creates the instrument.</summary>
    /// <param name="options">Defaults; the built-in ring with its default knobs, ideal behaviour, when null.</param>
    /// <param name="timeProvider">Clock for real-time latency and drift; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RingInstrument(RingSimulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new RingSimulatorOptions();
        options.Validate();
        _lattice = options.Lattice ?? BuiltinLattices.Dba();
        _knobs = options.EffectiveKnobs();
        _defaultEvaluation = options.Evaluation;
        _defaultBehaviour = options.Behaviour;
        _evaluation = _defaultEvaluation;
        _options = _defaultBehaviour;
        _behaviour = new InstrumentBehaviour(timeProvider);
    }

    /// <summary>The fault injected into the current command; None when healthy.</summary>
    public SimulatedFaults CurrentFault => _fault;

    /// <summary>The K2 (1/m³) each family was set to by the last move, drift included; empty before the first.</summary>
    public IReadOnlyDictionary<string, double> DeliveredStrengths => _strengths ?? [];

    /// <inheritdoc />
    /// <exception cref="DeviceRefusedException">An option is malformed or out of range.</exception>
    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        // Options apply to one command: start from the defaults each time.
        _options = BehaviourOptionParser.Apply(_defaultBehaviour, options);
        RingEvaluationSettings evaluation = _defaultEvaluation;
        if (options.TryGetValue(RingOptionKeys.Turns, out string? turns))
        {
            evaluation = evaluation with { DynamicAperture = evaluation.DynamicAperture with { Turns = (int)OptionText.Number(RingOptionKeys.Turns, turns, 1, 100_000) } };
        }

        if (options.TryGetValue(RingOptionKeys.Angles, out string? angles))
        {
            evaluation = evaluation with { DynamicAperture = evaluation.DynamicAperture with { Angles = (int)OptionText.Number(RingOptionKeys.Angles, angles, 2, 1_000) } };
        }

        if (options.TryGetValue(RingOptionKeys.ProbesPerRound, out string? probes))
        {
            evaluation = evaluation with { DynamicAperture = evaluation.DynamicAperture with { ProbesPerRound = (int)OptionText.Number(RingOptionKeys.ProbesPerRound, probes, 1, 64) } };
        }

        if (options.TryGetValue(RingOptionKeys.Rounds, out string? rounds))
        {
            evaluation = evaluation with { DynamicAperture = evaluation.DynamicAperture with { Rounds = (int)OptionText.Number(RingOptionKeys.Rounds, rounds, 1, 20) } };
        }

        if (options.TryGetValue(RingOptionKeys.OffMomentumDelta, out string? delta))
        {
            evaluation = evaluation with { OffMomentumDelta = OptionText.Number(RingOptionKeys.OffMomentumDelta, delta, 0, 0.5) };
        }

        if (options.TryGetValue(RingOptionKeys.MaxMomentumDeviation, out string? maximum))
        {
            evaluation = evaluation with { MaxMomentumDeviation = OptionText.Number(RingOptionKeys.MaxMomentumDeviation, maximum, 0, 0.5) };
        }

        _evaluation = evaluation;
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
        string? problem = Check(value);
        return Task.FromResult(problem is null ? CheckResult.Allowed : CheckResult.Refused(problem));
    }

    /// <summary>Sets the sextupole supplies; an injected refusal happens here, before anything moves.</summary>
    /// <param name="value">The point: one value per knob parameter, in 1/m³.</param>
    /// <param name="cancellationToken">Unused: supplies settle instantly in the simulation.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="DeviceRefusedException">A knob is missing or outside its supply's limits, or a refusal was injected.</exception>
    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _values = null;
        _strengths = null;
        if (Check(value) is { } problem)
        {
            throw new DeviceRefusedException(problem);
        }

        _random = _behaviour.CommandStream(_options, _context);
        _fault = InstrumentBehaviour.DrawFault(_options, _random);
        if (_fault == SimulatedFaults.Refusal)
        {
            throw new DeviceRefusedException($"injected fault: the ring's sextupole supplies refused the setting (fault rate {_options.FaultRate}, seed {_options.Seed})");
        }

        double drift = _behaviour.Drift(_options);
        _strengths = _knobs.ToDictionary(k => k.Family, k => value.Values[k.Parameter] + drift, StringComparer.OrdinalIgnoreCase);
        return Task.CompletedTask;
    }

    /// <summary>Measures: waits the latency, then tracks (on the thread pool; a DA scan takes about a second).</summary>
    /// <param name="cancellationToken">Cancels the wait; an injected timeout hangs until it fires.</param>
    /// <returns>A task that completes when the readings are ready.</returns>
    /// <exception cref="InvalidOperationException">Triggered before a setting was made.</exception>
    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        if (_strengths is null || _random is null)
        {
            throw new InvalidOperationException("ring instrument was triggered before the sextupoles were set");
        }

        await _behaviour.WaitAsync(_options, _random, null, cancellationToken);
        if (_fault == SimulatedFaults.Timeout)
        {
            await _behaviour.HangAsync(cancellationToken);
        }

        Lattice lattice = _lattice.WithSextupoleStrengths(_strengths);
        RingEvaluationSettings settings = _evaluation;
        RingEvaluationResult result = await Task.Run(() => RingEvaluator.Evaluate(lattice, settings), cancellationToken);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string key, double clean) in Readings(result))
        {
            values[key] = _fault == SimulatedFaults.Garbage ? double.NaN : InstrumentBehaviour.Noisy(_options, _random, clean);
        }

        _values = values;
    }

    /// <inheritdoc />
    public Task<DeviceReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (_values is null)
        {
            throw new InvalidOperationException("ring instrument was read before it was triggered");
        }

        return Task.FromResult(new DeviceReading { Values = _values });
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, DataKeyDescription> description = RingReadingKeys.Units.ToDictionary(
            p => p.Key,
            p => new DataKeyDescription { Dtype = "number", Units = p.Value, Source = $"sim:ring:{_lattice.Name}" },
            StringComparer.Ordinal);
        return Task.FromResult(description);
    }

    /// <summary>The objectives of an evaluation, keyed as <see cref="RingReadingKeys"/>.</summary>
    /// <param name="result">An evaluation.</param>
    /// <returns>Values in the keys' units; zeros for an unstable ring.</returns>
    public static IReadOnlyDictionary<string, double> Readings(RingEvaluationResult result)
    {
        const double SquareMetresToMm2 = 1e6;
        const double ToPercent = 100.0;
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [RingReadingKeys.DynamicApertureArea] = (result.OnMomentum?.Area ?? 0.0) * SquareMetresToMm2,
            [RingReadingKeys.OffMomentumArea] = result.OffMomentumArea * SquareMetresToMm2,
            [RingReadingKeys.MomentumAcceptancePositive] = (result.MomentumAperture?.Positive ?? 0.0) * ToPercent,
            [RingReadingKeys.MomentumAcceptanceNegative] = (result.MomentumAperture?.Negative ?? 0.0) * ToPercent,
            [RingReadingKeys.TouschekProxy] = (result.MomentumAperture?.TouschekProxy ?? 0.0) * ToPercent * ToPercent,
            [RingReadingKeys.TuneX] = result.Optics?.TuneX ?? 0.0,
            [RingReadingKeys.TuneY] = result.Optics?.TuneY ?? 0.0,
            [RingReadingKeys.ChromaticityX] = result.Chromaticity?.X ?? 0.0,
            [RingReadingKeys.ChromaticityY] = result.Chromaticity?.Y ?? 0.0,
            [RingReadingKeys.Stable] = result.Stable ? 1.0 : 0.0,
        };
    }

    private string? Check(ParameterPoint point)
    {
        var problems = new List<string>();
        foreach (RingKnob knob in _knobs)
        {
            if (!point.Values.TryGetValue(knob.Parameter, out double k2))
            {
                problems.Add($"parameter '{knob.Parameter}' (family {knob.Family}) is missing");
            }
            else if (!double.IsFinite(k2) || k2 < knob.Minimum || k2 > knob.Maximum)
            {
                problems.Add($"parameter '{knob.Parameter}' = {k2} is outside the {knob.Family} supply's limits [{knob.Minimum}, {knob.Maximum}] ({RingKnob.Unit})");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
