using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Reads a journal file on its own connection, never creating or appending.</summary>
/// <remarks>
/// Works beside a live orchestrator (WAL lets readers and the writer proceed together), on the files a
/// crashed one left, and on a run folder on read-only storage (SQLite then opens the file read-only).
/// The connection is not opened read-only on purpose: a read-only connection leaves empty
/// <c>-wal</c>/<c>-shm</c> files behind, while a normal one lets SQLite fold the WAL into the file and
/// remove them when the last connection closes, as it does after any clean shutdown.
/// </remarks>
/// <seealso cref="SqliteCampaignJournal"/>
public static class SqliteJournalReader
{
    private const string SelectAll =
        "SELECT sequence, campaign_id, experiment_id, kind, idempotency_key, timestamp, payload FROM journal ORDER BY sequence;";

    /// <summary>Streams every committed entry of the journal file in sequence order.</summary>
    /// <param name="journalPath">Path of <c>journal.db</c>.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The entries, oldest first.</returns>
    /// <exception cref="JournalException">No file there, not a journal, or an unknown schema version.</exception>
    public static async IAsyncEnumerable<JournalEntry> ReadAllAsync(
        string journalPath,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        string path = Path.GetFullPath(journalPath);
        if (!File.Exists(path))
        {
            throw new JournalException($"No journal at '{path}'.");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await using SqliteCommand select = connection.CreateCommand();
        SqliteDataReader reader;
        try
        {
            await connection.OpenAsync(ct);
            JournalSchema.Verify(connection, path, allowEmpty: false);
            select.CommandText = SelectAll;
            reader = await select.ExecuteReaderAsync(ct);
        }
        catch (SqliteException ex)
        {
            throw JournalSchema.OpenFailure(path, ex);
        }

        await using (reader)
        {
            while (await reader.ReadAsync(ct))
            {
                yield return ReadEntry(reader);
            }
        }
    }

    /// <summary>Reads every committed entry of the journal file into a list.</summary>
    /// <param name="journalPath">Path of <c>journal.db</c>.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The entries, oldest first.</returns>
    /// <exception cref="JournalException">No file there, not a journal, or an unknown schema version.</exception>
    public static async Task<IReadOnlyList<JournalEntry>> ReadListAsync(string journalPath, CancellationToken ct = default)
    {
        List<JournalEntry> entries = [];
        await foreach (JournalEntry entry in ReadAllAsync(journalPath, ct))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static JournalEntry ReadEntry(SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        CampaignId = Guid.Parse(reader.GetString(1)),
        ExperimentId = reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
        Kind = reader.GetString(3),
        IdempotencyKey = reader.GetString(4),
        Timestamp = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Payload = reader.GetString(6),
    };
}
