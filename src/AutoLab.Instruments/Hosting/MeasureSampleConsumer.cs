using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AutoLab.Instruments.Hosting;

/// <summary>Serves <see cref="MeasureSample"/>: publishes <see cref="MeasurementCompleted"/> or <see cref="StepFaulted"/>.</summary>
/// <remarks>
/// Domain failures are published as faults and never thrown, so MassTransit does not retry them or move
/// them to an error queue; retries are the experiment saga's decision. A command whose idempotency key
/// already succeeded is not measured again: the stored event is republished.
/// Wired onto the <c>instrument.{name}</c> endpoints by <c>ConfigureAutoLabInstrumentEndpoints</c>, never by
/// <c>ConfigureEndpoints</c>.
/// </remarks>
[ExcludeFromConfigureEndpoints]
public sealed class MeasureSampleConsumer : IConsumer<MeasureSample>
{
    private readonly InstrumentHost _host;
    private readonly IIdempotencyStore _store;
    private readonly ILogger<MeasureSampleConsumer> _logger;

    /// <summary>Creates the consumer.</summary>
    /// <param name="host">Runs the command on the device.</param>
    /// <param name="store">Remembers completed commands.</param>
    /// <param name="logger">Logger.</param>
    public MeasureSampleConsumer(InstrumentHost host, IIdempotencyStore store, ILogger<MeasureSampleConsumer> logger)
    {
        _host = host;
        _store = store;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<MeasureSample> context)
    {
        var command = context.Message;
        return StepOutcomePublisher.ServeAsync(
            context,
            _store,
            _logger,
            ExperimentStep.Measure,
            command.Instrument,
            command.IdempotencyKey,
            ct => _host.MeasureAsync(command, ct));
    }
}
