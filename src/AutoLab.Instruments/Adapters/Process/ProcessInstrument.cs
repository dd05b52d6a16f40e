using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Adapters.Process;

/// <summary>
/// A device that serves a step by running the user's command: the request goes to the process as one
/// JSON object on stdin, the reading comes back as one JSON object on stdout (see docs/instruments.md).
/// </summary>
/// <remarks>
/// Configure keeps the command's options, stage its context, set its point; trigger runs the process and
/// parses its output; read returns what it parsed. Failures are reported as the host expects: a
/// <see cref="TimeoutException"/> when the process runs too long (it is killed with its children),
/// <see cref="DeviceOutputException"/> for empty, malformed or non-finite output, and
/// <see cref="InvalidOperationException"/> for a process that cannot start or exits non-zero (with the
/// tail of its stderr).
/// </remarks>
public sealed class ProcessInstrument : IConfigurable, IStageable, IMovable<ParameterPoint>, ITriggerable, IReadable
{
    private readonly ProcessInstrumentOptions _options;
    private IReadOnlyDictionary<string, string> _commandOptions = new Dictionary<string, string>();
    private StageContext? _context;
    private ParameterPoint _point = new();
    private DeviceReading? _reading;

    /// <summary>Creates the device.</summary>
    /// <param name="options">What to run; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ProcessInstrument(ProcessInstrumentOptions options)
    {
        ProcessInstrumentOptionsValidator.ThrowIfInvalid(options, options.Executable);
        _options = options;
    }

    /// <inheritdoc />
    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        _commandOptions = options;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StageAsync(StageContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _reading = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnstageAsync(CancellationToken cancellationToken)
    {
        _context = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _point = value;
        return Task.CompletedTask;
    }

    /// <summary>Runs the process with the request on stdin and parses its stdout.</summary>
    /// <param name="cancellationToken">Cancels the run; the process tree is killed.</param>
    /// <returns>A task that completes when the output is parsed.</returns>
    /// <exception cref="TimeoutException">The process ran past <see cref="ProcessInstrumentOptions.Timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The process could not start or exited with a non-zero code.</exception>
    /// <exception cref="DeviceOutputException">The output is empty, malformed or has non-finite readings.</exception>
    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        _reading = null;
        var request = ProcessRequest.Write(_context, _point, _commandOptions);
        var run = await ProcessRunner.RunAsync(_options, request, cancellationToken);
        if (run.ExitCode != 0)
        {
            var stderr = run.StandardErrorTail;
            throw new InvalidOperationException(
                $"process '{_options.Executable}' exited with code {run.ExitCode}; stderr: {(stderr.Length == 0 ? "(empty)" : stderr)}");
        }

        try
        {
            _reading = ProcessOutputParser.Parse(run.StandardOutput, _context?.DataDirectory ?? Directory.GetCurrentDirectory());
        }
        catch (DeviceOutputException ex) when (run.StandardErrorTail.Length > 0)
        {
            throw new DeviceOutputException($"{ex.Message}; stderr: {run.StandardErrorTail}", ex);
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Called before a successful trigger.</exception>
    public Task<DeviceReading> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_reading ?? throw new InvalidOperationException($"process '{_options.Executable}' has not run yet; trigger it before reading"));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, DataKeyDescription> description = (_reading?.Values.Keys ?? [])
            .ToDictionary(key => key, _ => new DataKeyDescription { Dtype = "number", Source = $"process:{_options.Executable}" });
        return Task.FromResult(description);
    }
}
