using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Scheduling;

namespace AutoLab.Orchestrator.Tests.StateMachines.Doubles;

/// <summary>
/// An <see cref="IStepTimers"/> that never fires by itself: it records what the saga armed, cancelled and
/// scheduled, and hands the message back when a test decides the time has come.
/// </summary>
/// <remarks>
/// It mirrors <see cref="QuartzStepTimers"/>: one timeout and one retry per experiment, re-arming replaces,
/// cancelling deletes only the timeout (a scheduled retry still fires), and a timer that fired is gone.
/// </remarks>
public sealed class RecordingStepTimers : IStepTimers
{
    readonly Lock _gate = new();
    readonly Dictionary<Guid, StepTimedOut> _armedTimeouts = [];
    readonly Dictionary<Guid, RetryStep> _pendingRetries = [];
    readonly List<ScheduledTimer<StepTimedOut>> _timeouts = [];
    readonly List<ScheduledTimer<RetryStep>> _retries = [];

    /// <inheritdoc />
    public Task ScheduleTimeoutAsync(StepTimedOut message, TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _armedTimeouts[message.ExperimentId] = message;
            _timeouts.Add(new ScheduledTimer<StepTimedOut>(message, delay));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CancelTimeoutAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _armedTimeouts.Remove(experimentId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ScheduleRetryAsync(RetryStep message, TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _pendingRetries[message.ExperimentId] = message;
            _retries.Add(new ScheduledTimer<RetryStep>(message, delay));
        }

        return Task.CompletedTask;
    }

    /// <summary>Every timeout armed so far, in order (re-arms included).</summary>
    public IReadOnlyList<ScheduledTimer<StepTimedOut>> Timeouts
    {
        get
        {
            lock (_gate)
            {
                return [.. _timeouts];
            }
        }
    }

    /// <summary>Every retry scheduled so far, in order.</summary>
    public IReadOnlyList<ScheduledTimer<RetryStep>> Retries
    {
        get
        {
            lock (_gate)
            {
                return [.. _retries];
            }
        }
    }

    /// <summary>The experiment's armed timeout, or null when none is armed.</summary>
    public StepTimedOut? ArmedTimeout(Guid experimentId)
    {
        lock (_gate)
        {
            return _armedTimeouts.GetValueOrDefault(experimentId);
        }
    }

    /// <summary>Fires the experiment's armed timeout: returns the message Quartz would publish and forgets the timer.</summary>
    /// <exception cref="InvalidOperationException">No timeout is armed for the experiment.</exception>
    public StepTimedOut TakeTimeout(Guid experimentId)
    {
        lock (_gate)
        {
            if (!_armedTimeouts.Remove(experimentId, out StepTimedOut? timeout))
            {
                throw new InvalidOperationException($"No step timeout is armed for experiment {experimentId}: the saga cancelled it or never armed it.");
            }

            return timeout;
        }
    }

    /// <summary>Fires the experiment's scheduled retry: returns the message Quartz would publish and forgets the timer.</summary>
    /// <exception cref="InvalidOperationException">No retry is scheduled for the experiment.</exception>
    public RetryStep TakeRetry(Guid experimentId)
    {
        lock (_gate)
        {
            if (!_pendingRetries.Remove(experimentId, out RetryStep? retry))
            {
                throw new InvalidOperationException($"No retry is scheduled for experiment {experimentId}.");
            }

            return retry;
        }
    }
}
