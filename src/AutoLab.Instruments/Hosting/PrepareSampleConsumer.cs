using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AutoLab.Instruments.Hosting;

/// <summary>Serves <see cref="PrepareSample"/>: publishes <see cref="SamplePrepared"/> or <see cref="StepFaulted"/>.</summary>
/// <remarks>
/// Domain failures are published as faults and never thrown; a command whose idempotency key already
/// succeeded is not prepared again. <seealso cref="MeasureSampleConsumer"/>
/// </remarks>
[ExcludeFromConfigureEndpoints]
public sealed class PrepareSampleConsumer : IConsumer<PrepareSample>
{
    private readonly InstrumentHost _host;
    private readonly IIdempotencyStore _store;
    private readonly ILogger<PrepareSampleConsumer> _logger;

    /// <summary>Creates the consumer.</summary>
    /// <param name="host">Runs the command on the device.</param>
    /// <param name="store">Remembers completed commands.</param>
    /// <param name="logger">Logger.</param>
    public PrepareSampleConsumer(InstrumentHost host, IIdempotencyStore store, ILogger<PrepareSampleConsumer> logger)
    {
        _host = host;
        _store = store;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<PrepareSample> context)
    {
        var command = context.Message;
        return StepOutcomePublisher.ServeAsync(
            context,
            _store,
            _logger,
            ExperimentStep.Prepare,
            command.Instrument,
            command.IdempotencyKey,
            ct => _host.PrepareAsync(command, ct));
    }
}
