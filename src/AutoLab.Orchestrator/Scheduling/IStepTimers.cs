using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// Step time limits and retry back-offs for the experiment saga.
/// </summary>
/// <remarks>
/// MassTransit's <c>Schedule(...)</c> needs MassTransit.Quartz (not on our registry) or RabbitMQ's
/// delayed-exchange plugin (not in Debian's server), so timers are Quartz jobs in the orchestrator
/// process that publish <see cref="StepTimedOut"/> / <see cref="RetryStep"/> through the bus. A
/// recovered experiment re-arms its timer when it re-sends its step. See <see cref="QuartzStepTimers"/>.
/// </remarks>
public interface IStepTimers
{
    /// <summary>Arms (or re-arms) the experiment's step timeout to fire after <paramref name="delay"/>.</summary>
    Task ScheduleTimeoutAsync(StepTimedOut message, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Disarms the experiment's step timeout, if armed.</summary>
    Task CancelTimeoutAsync(Guid experimentId, CancellationToken cancellationToken);

    /// <summary>Schedules a retry of the experiment's current step after <paramref name="delay"/>.</summary>
    Task ScheduleRetryAsync(RetryStep message, TimeSpan delay, CancellationToken cancellationToken);
}
