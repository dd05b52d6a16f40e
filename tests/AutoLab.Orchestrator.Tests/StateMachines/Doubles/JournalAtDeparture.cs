using MassTransit;

namespace AutoLab.Orchestrator.Tests.StateMachines.Doubles;

/// <summary>
/// Observes every publish and send on the bus and notes what the journal held at that instant, so a test
/// can check that a fact was journaled before the message acting on it left.
/// </summary>
public sealed class JournalAtDeparture(RecordingJournal journal) : IPublishObserver, ISendObserver
{
    readonly Lock _gate = new();
    readonly List<JournalSnapshot> _snapshots = [];

    /// <summary>Every message that left through the bus (the test's own publishes included), in order.</summary>
    public IReadOnlyList<object> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _snapshots.Select(s => s.Message)];
            }
        }
    }

    /// <summary>The journal kinds written before the first departed message of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    /// <exception cref="InvalidOperationException">No such message departed.</exception>
    public IReadOnlyList<string> KindsBefore<T>(Func<T, bool>? match = null)
        where T : class
    {
        lock (_gate)
        {
            JournalSnapshot? snapshot = _snapshots.FirstOrDefault(s => s.Message is T message && (match is null || match(message)));
            return snapshot?.JournaledKinds
                   ?? throw new InvalidOperationException($"No {typeof(T).Name} left the saga, so there is no journal snapshot for it.");
        }
    }

    /// <inheritdoc />
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Record(context.Message);

    /// <inheritdoc />
    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreSend<T>(SendContext<T> context)
        where T : class => Record(context.Message);

    /// <inheritdoc />
    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    Task Record(object message)
    {
        IReadOnlyList<string> kinds = journal.Kinds;
        lock (_gate)
        {
            _snapshots.Add(new JournalSnapshot(message, kinds));
        }

        return Task.CompletedTask;
    }
}
