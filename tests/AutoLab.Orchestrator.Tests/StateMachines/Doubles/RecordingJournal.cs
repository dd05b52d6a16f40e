using System.Runtime.CompilerServices;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.StateMachines.Doubles;

/// <summary>
/// An in-memory <see cref="ICampaignJournal"/> that keeps what the sagas wrote, for assertions.
/// </summary>
/// <remarks>
/// It keeps the interface's contract as <see cref="SqliteCampaignJournal"/> does: one entry per (kind, key),
/// false for a duplicate, and an <see cref="ArgumentException"/> for a payload of the wrong type, an empty
/// key or a second campaign. A saga that passes here therefore also works against the real journal.
/// </remarks>
public sealed class RecordingJournal : ICampaignJournal
{
    readonly Lock _gate = new();
    readonly List<JournaledFact> _facts = [];
    readonly HashSet<(string Kind, string Key)> _keys = [];
    Guid _campaignId;

    /// <inheritdoc />
    public ValueTask<bool> AppendAsync(string kind, Guid campaignId, Guid? experimentId, string idempotencyKey, DateTimeOffset timestamp, object payload, CancellationToken ct)
    {
        Type expected = JournalKinds.PayloadTypeOf(kind);
        if (payload.GetType() != expected)
        {
            throw new ArgumentException($"A {kind} journal entry carries a {expected.Name}, not a {payload.GetType().Name}.", nameof(payload));
        }

        if (campaignId == Guid.Empty)
        {
            throw new ArgumentException($"The {kind} journal entry has an empty campaign id.", nameof(campaignId));
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            throw new ArgumentException($"The {kind} journal entry has no idempotency key.", nameof(idempotencyKey));
        }

        lock (_gate)
        {
            if (_campaignId == Guid.Empty)
            {
                _campaignId = campaignId;
            }
            else if (_campaignId != campaignId)
            {
                throw new ArgumentException($"This journal belongs to campaign {_campaignId}; it cannot record campaign {campaignId}.", nameof(campaignId));
            }

            if (!_keys.Add((kind, idempotencyKey)))
            {
                return ValueTask.FromResult(false);
            }

            _facts.Add(new JournaledFact(_facts.Count + 1, kind, experimentId, idempotencyKey, timestamp, payload));
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>Every fact so far, in append order.</summary>
    public IReadOnlyList<JournaledFact> Facts
    {
        get
        {
            lock (_gate)
            {
                return [.. _facts];
            }
        }
    }

    /// <summary>The kinds appended so far, in order.</summary>
    public IReadOnlyList<string> Kinds => [.. Facts.Select(f => f.Kind)];

    /// <summary>The payloads of one kind, in order.</summary>
    public IReadOnlyList<T> Payloads<T>(string kind)
        where T : class =>
        [.. Facts.Where(f => f.Kind == kind).Select(f => (T)f.Payload)];

    /// <summary>How many facts of a kind were appended.</summary>
    public int Count(string kind) => Facts.Count(f => f.Kind == kind);

    /// <inheritdoc />
    public async IAsyncEnumerable<JournalEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (JournaledFact fact in Facts)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new JournalEntry
            {
                Sequence = fact.Sequence,
                CampaignId = _campaignId,
                ExperimentId = fact.ExperimentId,
                Kind = fact.Kind,
                IdempotencyKey = fact.IdempotencyKey,
                Timestamp = fact.Timestamp,
                Payload = JournalSerializer.Serialize(fact.Payload),
            };
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
