using Microsoft.Data.Sqlite;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Writes batches of appends, each in one transaction; used only by the journal's single writer task.</summary>
internal sealed class JournalBatchWriter : IDisposable
{
    private const string InsertSql = """
        INSERT INTO journal (campaign_id, experiment_id, kind, idempotency_key, timestamp, payload)
        VALUES ($campaign, $experiment, $kind, $key, $timestamp, $payload)
        ON CONFLICT (kind, idempotency_key) DO NOTHING;
        """;

    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _campaign;
    private readonly SqliteParameter _experiment;
    private readonly SqliteParameter _kind;
    private readonly SqliteParameter _key;
    private readonly SqliteParameter _timestamp;
    private readonly SqliteParameter _payload;

    public JournalBatchWriter(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
        // One command reused for every row: Microsoft.Data.Sqlite keeps its statement prepared.
        _insert = connection.CreateCommand();
        _insert.CommandText = InsertSql;
        _campaign = _insert.Parameters.Add("$campaign", SqliteType.Text);
        _experiment = _insert.Parameters.Add("$experiment", SqliteType.Text);
        _kind = _insert.Parameters.Add("$kind", SqliteType.Text);
        _key = _insert.Parameters.Add("$key", SqliteType.Text);
        _timestamp = _insert.Parameters.Add("$timestamp", SqliteType.Text);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Text);
    }

    /// <summary>
    /// Writes the batch and completes each caller's task after the commit. If the batch fails, each
    /// append is retried alone so that one bad row fails only its own caller.
    /// </summary>
    public void Commit(IReadOnlyList<PendingAppend> batch)
    {
        try
        {
            WriteInOneTransaction(batch);
        }
        catch (Exception ex)
        {
            // Any failure must reach the callers: an exception escaping the writer would leave every later append waiting forever.
            if (batch.Count == 1)
            {
                batch[0].Completion.TrySetException(
                    new JournalException($"Could not write to the journal '{_path}': {ex.Message}", ex));
                return;
            }

            foreach (PendingAppend single in batch)
            {
                Commit([single]);
            }

            return;
        }

        foreach (PendingAppend item in batch)
        {
            item.Completion.TrySetResult(item.Appended);
        }
    }

    public void Dispose() => _insert.Dispose();

    private void WriteInOneTransaction(IReadOnlyList<PendingAppend> batch)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        foreach (PendingAppend item in batch)
        {
            _campaign.Value = item.CampaignId.ToString("D");
            _experiment.Value = item.ExperimentId is { } experiment ? experiment.ToString("D") : DBNull.Value;
            _kind.Value = item.Kind;
            _key.Value = item.IdempotencyKey;
            _timestamp.Value = item.Timestamp;
            _payload.Value = item.Payload;
            // ON CONFLICT DO NOTHING changes no row for a re-delivery: 1 = appended, 0 = duplicate.
            item.Appended = _insert.ExecuteNonQuery() == 1;
        }

        transaction.Commit();
    }
}
