using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Synthesis;

/// <summary>
/// A simulated synthesis robot: makes a sample at the commanded composition (and annealing temperature),
/// with composition scatter, optional failures and <see cref="InstrumentBehaviour"/> latency and faults,
/// and puts it in the shared <see cref="SampleStore"/> for the diffractometer.
/// </summary>
/// <remarks>
/// Reads the composition with <see cref="CompositionReader"/>; returns the sample id and the actual
/// composition ("x_Fe", ... as an assay would report) but not the phases, which only a measurement reveals.
/// Draws come from the seed, the command's idempotency key and attempt, so the same campaign makes the same samples.
/// </remarks>
public sealed class SynthesisRobotInstrument
    : IConfigurable, IStageable, ICheckable<ParameterPoint>, IMovable<ParameterPoint>, ITriggerable, IReadable
{
    private readonly SynthesisRobotOptions _defaults;
    private readonly SampleStore _store;
    private readonly InstrumentBehaviour _behaviour;
    private BehaviourOptions _behaviourOptions;
    private SynthesisSettings _synthesis;
    private double? _annealOption;
    private StageContext? _context;
    private double[]? _composition;
    private double _anneal;
    private Random? _random;
    private SimulatedFaults _fault;
    private SynthesizedSample? _sample;

    /// <summary>Creates the robot.</summary>
    /// <param name="options">Defaults; the built-in Fe–Ni–Al system when null.</param>
    /// <param name="store">Where samples go; a private store when null.</param>
    /// <param name="timeProvider">Clock for real-time latency.</param>
    public SynthesisRobotInstrument(SynthesisRobotOptions? options = null, SampleStore? store = null, TimeProvider? timeProvider = null)
    {
        _defaults = options ?? new SynthesisRobotOptions();
        _defaults.Validate();
        _store = store ?? new SampleStore();
        _behaviour = new InstrumentBehaviour(timeProvider);
        _behaviourOptions = _defaults.Behaviour;
        _synthesis = _defaults.Synthesis;
    }

    /// <summary>The robot's behaviour (its instrument clock), for tests and logs.</summary>
    public InstrumentBehaviour Behaviour => _behaviour;

    /// <summary>The last sample made, or null.</summary>
    public SynthesizedSample? LastSample => _sample;

    /// <inheritdoc />
    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        _behaviourOptions = BehaviourOptionParser.Apply(_defaults.Behaviour, options);
        _synthesis = _defaults.Synthesis;
        _annealOption = null;
        if (options.TryGetValue(SynthesisOptionKeys.CompositionScatter, out var scatter))
        {
            _synthesis = _synthesis with { CompositionScatter = OptionText.Number(SynthesisOptionKeys.CompositionScatter, scatter, 0, 0.5) };
        }

        if (options.TryGetValue(SynthesisOptionKeys.FailureRate, out var failure))
        {
            _synthesis = _synthesis with { FailureRate = OptionText.Number(SynthesisOptionKeys.FailureRate, failure, 0, 1) };
        }

        if (options.TryGetValue(SynthesisOptionKeys.AnnealTemperature, out var anneal))
        {
            _annealOption = OptionText.Number(SynthesisOptionKeys.AnnealTemperature, anneal, 0, 3000);
        }

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
        var problem = Read(value, out _, out _);
        return Task.FromResult(problem is null ? CheckResult.Allowed : CheckResult.Refused(problem));
    }

    /// <summary>Loads the composition; an injected refusal happens here, before anything is made.</summary>
    /// <param name="value">The point.</param>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="DeviceRefusedException">The composition is invalid or a refusal was injected.</exception>
    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _sample = null;
        var problem = Read(value, out var composition, out var anneal);
        if (problem is not null)
        {
            throw new DeviceRefusedException(problem);
        }

        _composition = composition;
        _anneal = anneal;
        _random = _behaviour.CommandStream(_behaviourOptions, _context);
        _fault = InstrumentBehaviour.DrawFault(_behaviourOptions, _random);
        if (_fault == SimulatedFaults.Refusal)
        {
            throw new DeviceRefusedException($"injected fault: synthesis robot refused the composition (fault rate {_behaviourOptions.FaultRate}, seed {_behaviourOptions.Seed})");
        }

        return Task.CompletedTask;
    }

    /// <summary>Synthesises the sample after the latency; an injected timeout hangs until cancelled.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the sample is on the shelf.</returns>
    /// <exception cref="DeviceOutputException">The synthesis failed (failure rate) or garbage was injected.</exception>
    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        if (_composition is null || _random is null)
        {
            throw new InvalidOperationException("synthesis robot was triggered before a composition was set");
        }

        await _behaviour.WaitAsync(_behaviourOptions, _random, null, cancellationToken);
        if (_fault == SimulatedFaults.Timeout)
        {
            await _behaviour.HangAsync(cancellationToken);
        }

        var id = SampleId();
        // Draw the failure before the scatter, so the scatter does not depend on the failure rate.
        var failed = _random.NextDouble() < _synthesis.FailureRate;
        if (failed || _fault == SimulatedFaults.Garbage)
        {
            throw new DeviceOutputException($"synthesis of sample '{id}' failed ({(failed ? $"failure rate {_synthesis.FailureRate}" : "injected garbage")}); no sample was made");
        }

        _sample = SynthesisModel.Make(_defaults.Diagram, _synthesis, id, _composition, _anneal, _random);
        _store.Add(_sample);
    }

    /// <inheritdoc />
    public Task<DeviceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var sample = _sample ?? throw new InvalidOperationException("synthesis robot was read before it made a sample");
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [CompositionReader.AnnealTemperatureParameter] = sample.AnnealTemperature,
        };
        for (var i = 0; i < sample.Actual.Count; i++)
        {
            values["x_" + _defaults.Diagram.Elements[i]] = sample.Actual[i];
        }

        return Task.FromResult(new DeviceReading { Values = values, SampleId = sample.SampleId });
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken)
    {
        var description = _defaults.Diagram.Elements.ToDictionary(
            e => "x_" + e,
            e => new DataKeyDescription { Dtype = "number", Units = "at. fraction", Source = $"sim:synthesis:{_defaults.Diagram.Name}" });
        description[CompositionReader.AnnealTemperatureParameter] = new DataKeyDescription { Dtype = "number", Units = "degC", Source = "sim:synthesis" };
        return Task.FromResult<IReadOnlyDictionary<string, DataKeyDescription>>(description);
    }

    private string SampleId() => _context is { } context
        ? $"{_defaults.Diagram.Name}-{context.ExperimentId:N}-{context.Attempt}"
        : $"{_defaults.Diagram.Name}-unstaged-{_behaviour.UnstagedCommands}";

    private string? Read(ParameterPoint point, out double[] composition, out double anneal)
    {
        anneal = point.Values.TryGetValue(CompositionReader.AnnealTemperatureParameter, out var t) ? t : _annealOption ?? _synthesis.DefaultAnnealTemperature;
        var problem = CompositionReader.TryRead(_defaults.Diagram.Elements, point, out composition);
        if (problem is null && !(anneal is >= 0 and <= 3000))
        {
            problem = $"annealing temperature {anneal} °C is outside [0, 3000]";
        }

        return problem;
    }
}
