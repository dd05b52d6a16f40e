using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>
/// A simulated instrument that measures a standard test function at the commanded point, with opt-in
/// noise, latency and fault injection.
/// </summary>
/// <remarks>
/// <para>The function comes from the command's "function" option (or <see cref="TestFunctionSimulatorOptions.Function"/>);
/// inputs are read from the point's values named x1..xd or the configured names; outputs are "y", or
/// "f1" and "f2" for ZDT1. Points outside the function's domain are refused by the check, so the
/// function is never evaluated there.</para>
/// <para>Random draws come from a stream derived from the seed, the command's idempotency key and its
/// attempt (when staged by the host), so outputs do not depend on scheduling and a retry draws afresh.
/// Used without staging, each command gets the next stream of a per-instance sequence.</para>
/// </remarks>
public sealed class TestFunctionInstrument
    : IConfigurable, IStageable, ICheckable<ParameterPoint>, IMovable<ParameterPoint>, ITriggerable, IReadable
{
    private readonly SimulationSettings _defaults;
    private readonly TimeProvider _time;
    private SimulationSettings _settings;
    private StageContext? _context;
    private long _unstagedCommands;
    private Resolved? _resolved;
    private double[]? _x;
    private Random? _random;
    private InjectedFaults _fault;
    private double[]? _outputs;

    /// <summary>Creates the instrument.</summary>
    /// <param name="options">Defaults; instant, noise-free and fault-free when null.</param>
    /// <param name="timeProvider">Clock for latency; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TestFunctionInstrument(TestFunctionSimulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new TestFunctionSimulatorOptions();
        TestFunctionSimulatorOptionsValidator.ThrowIfInvalid(options);
        _defaults = SimulationSettings.From(options);
        _settings = _defaults;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The fault injected into the current command, for logs and tests; None when healthy.</summary>
    public InjectedFaults CurrentFault => _fault;

    /// <inheritdoc />
    /// <exception cref="DeviceRefusedException">An option is malformed or names an unknown function.</exception>
    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        // Options apply to one command: start from the defaults so one command's options do not leak into the next.
        _settings = _defaults.With(options);
        _resolved = null;
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
        var problem = Resolve(value, out var resolved) ?? Inputs(value, resolved!, out _);
        return Task.FromResult(problem is null ? CheckResult.Allowed : CheckResult.Refused(problem));
    }

    /// <summary>Moves to the point; this is where an injected refusal happens, before anything is evaluated.</summary>
    /// <param name="value">The point.</param>
    /// <param name="cancellationToken">Unused: setting is instant.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="DeviceRefusedException">The point is outside the domain (when the check was skipped) or a refusal was injected.</exception>
    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _outputs = null;
        _fault = InjectedFaults.None;
        var problem = Resolve(value, out var resolved) ?? Inputs(value, resolved!, out _x);
        if (problem is not null)
        {
            throw new DeviceRefusedException(problem);
        }

        _resolved = resolved;
        _random = _context is { } context
            ? RandomStreams.For(_settings.Seed, context.IdempotencyKey, context.Attempt)
            : RandomStreams.For(_settings.Seed, "unstaged", (int)Interlocked.Increment(ref _unstagedCommands));
        _fault = DrawFault(_random);
        if (_fault == InjectedFaults.Refusal)
        {
            throw new DeviceRefusedException($"injected fault: {resolved!.Function.Name} refused the point (fault rate {_settings.FaultRate}, seed {_settings.Seed})");
        }

        return Task.CompletedTask;
    }

    /// <summary>Evaluates the function at the point set, after the latency; an injected timeout hangs here until cancelled.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the outputs are ready.</returns>
    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        if (_x is null || _resolved is null || _random is null)
        {
            throw new InvalidOperationException("test function instrument was triggered before a point was set");
        }

        if (_settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_settings.Latency, _time, cancellationToken);
        }

        if (_fault == InjectedFaults.Timeout)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
        }

        var outputs = _resolved.Function.Evaluate(_x);
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = _fault == InjectedFaults.Garbage
                ? double.NaN
                : outputs[i] + (_settings.NoiseStandardDeviation * _random.NextGaussian());
        }

        _outputs = outputs;
    }

    /// <inheritdoc />
    public Task<DeviceReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (_outputs is null || _resolved is null)
        {
            throw new InvalidOperationException("test function instrument was read before it was triggered");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < _outputs.Length; i++)
        {
            values[_resolved.Function.Outputs[i]] = _outputs[i];
        }

        return Task.FromResult(new DeviceReading { Values = values });
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken)
    {
        var function = _resolved?.Function ?? (_settings.Function is { } name ? TestFunctionCatalog.Create(name, _settings.Dimension) : null);
        IReadOnlyDictionary<string, DataKeyDescription> description = (function?.Outputs ?? [])
            .ToDictionary(output => output, _ => new DataKeyDescription { Dtype = "number", Source = $"sim:{function!.Name}" });
        return Task.FromResult(description);
    }

    private static string? Inputs(ParameterPoint point, Resolved resolved, out double[]? x)
    {
        x = new double[resolved.Names.Count];
        for (var i = 0; i < x.Length; i++)
        {
            if (!point.Values.TryGetValue(resolved.Names[i], out x[i]))
            {
                x = null;
                return $"parameter '{resolved.Names[i]}' is missing; {resolved.Function.Name} reads {string.Join(", ", resolved.Names)}";
            }
        }

        var violation = resolved.Function.FindDomainViolation(x, resolved.Names);
        if (violation is not null)
        {
            x = null;
        }

        return violation;
    }

    private static int CountDefaultNames(ParameterPoint point)
    {
        var count = 0;
        while (point.Values.ContainsKey(DefaultName(count)))
        {
            count++;
        }

        return count;
    }

    private static string DefaultName(int index) => $"x{index + 1}";

    private InjectedFaults DrawFault(Random random)
    {
        // Always draw, even with no faults configured, so the noise that follows does not depend on the fault rate.
        var draw = random.NextDouble();
        if (draw >= _settings.FaultRate)
        {
            return InjectedFaults.None;
        }

        InjectedFaults[] enabled = [.. new[] { InjectedFaults.Refusal, InjectedFaults.Timeout, InjectedFaults.Garbage }.Where(m => _settings.FaultModes.HasFlag(m))];
        return enabled[random.Next(enabled.Length)];
    }

    private string? Resolve(ParameterPoint point, out Resolved? resolved)
    {
        resolved = null;
        if (_settings.Function is not { } name)
        {
            return $"no test function chosen: set option '{TestFunctionOptionKeys.Function}' to one of {string.Join(", ", TestFunctionCatalog.Names)}";
        }

        var names = _settings.ParameterNames;
        var dimension = TestFunctionCatalog.FixedDimension(name)
            ?? _settings.Dimension
            ?? (names.Count > 0 ? names.Count : CountDefaultNames(point));
        if (dimension == 0)
        {
            return $"point has no parameter 'x1': {name} reads x1, x2, ... (or set option '{TestFunctionOptionKeys.Parameters}' or '{TestFunctionOptionKeys.Dimension}')";
        }

        if (names.Count > 0 && names.Count != dimension)
        {
            return $"option '{TestFunctionOptionKeys.Parameters}' names {names.Count} parameters but {name} has {dimension} inputs";
        }

        if (_resolved is { } cached && cached.Function.Dimension == dimension && cached.Function.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            resolved = cached;
            return null;
        }

        try
        {
            var function = TestFunctionCatalog.Create(name, _settings.Dimension ?? dimension);
            resolved = new Resolved(function, names.Count > 0 ? names : [.. Enumerable.Range(0, dimension).Select(DefaultName)]);
            _resolved = resolved;
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message.Split(" (Parameter", 2)[0];
        }
    }

    private sealed record Resolved(TestFunction Function, IReadOnlyList<string> Names);
}
