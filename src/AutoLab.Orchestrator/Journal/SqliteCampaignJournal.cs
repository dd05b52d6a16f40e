using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace AutoLab.Orchestrator.Journal;

/// <summary>The campaign journal in an SQLite file (<c>journal.db</c> in the run folder).</summary>
/// <remarks>
/// <para>WAL mode with <c>synchronous=NORMAL</c> by default: a committed append survives the process being
/// killed; see <see cref="JournalDurability"/> for power loss. A UNIQUE (kind, idempotency_key) index makes
/// re-deliveries no-ops.</para>
/// <para>Group commit: appends from any number of concurrent callers are queued and written by one writer,
/// one transaction per batch of whatever has queued up (at most <see cref="SqliteJournalOptions.MaxBatchSize"/>);
/// each caller's task completes only after its batch committed. Callers serialize their payloads themselves,
/// so the writer does nothing but bind and insert.</para>
/// </remarks>
/// <seealso cref="SqliteJournalReader"/>
/// <seealso cref="CampaignReplay"/>
public sealed class SqliteCampaignJournal : ICampaignJournal
{
    private readonly SqliteConnection _connection;
    private readonly JournalBatchWriter _batchWriter;
    private readonly Channel<PendingAppend> _queue;
    private readonly Task _writer;
    private readonly int _maxBatchSize;
    private readonly Lock _campaignLock = new();
    private Guid _campaignId;
    private int _disposed;

    private SqliteCampaignJournal(SqliteConnection connection, string path, int maxBatchSize, Guid campaignId)
    {
        _connection = connection;
        FilePath = path;
        _maxBatchSize = maxBatchSize;
        _campaignId = campaignId;
        _batchWriter = new JournalBatchWriter(connection, path);
        _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Full path of the journal file.</summary>
    public string FilePath { get; }

    /// <summary>Opens (or creates) the journal file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of <c>journal.db</c>; see <see cref="RunFolders.RunFolder.JournalPath"/>.</param>
    /// <param name="options">Durability, batch size and whether a missing file is created; defaults when null.</param>
    /// <param name="clock">Clock for the schema's creation time; the system clock when null.</param>
    /// <returns>The open journal; dispose it to flush the queue and close the file.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="JournalException">The file is missing (and may not be created), is not a journal, or has an unknown schema version.</exception>
    public static SqliteCampaignJournal Open(string path, SqliteJournalOptions? options = null, TimeProvider? clock = null)
    {
        options ??= new SqliteJournalOptions();
        Microsoft.Extensions.Options.ValidateOptionsResult validation = new SqliteJournalOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new JournalException($"'{fullPath}' is a folder, not a journal file.");
        }

        bool exists = File.Exists(fullPath);
        if (!exists && !options.CreateIfMissing)
        {
            throw new JournalException($"No journal at '{fullPath}'.");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            // One long-lived connection; pooling would only keep the file open after dispose.
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            JournalSchema.Verify(connection, fullPath, allowEmpty: true);
            Configure(connection, fullPath, options.Durability);
            JournalSchema.InitializeOrVerify(connection, fullPath, clock ?? TimeProvider.System);
            return new SqliteCampaignJournal(connection, fullPath, options.MaxBatchSize, ReadCampaignId(connection));
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw JournalSchema.OpenFailure(fullPath, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> AppendAsync(
        string kind,
        Guid campaignId,
        Guid? experimentId,
        string idempotencyKey,
        DateTimeOffset timestamp,
        object payload,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        CheckArguments(kind, campaignId, idempotencyKey, payload);
        ClaimCampaign(campaignId);

        var pending = new PendingAppend(
            kind,
            campaignId,
            experimentId,
            idempotencyKey,
            timestamp.ToString("O", CultureInfo.InvariantCulture),
            JournalSerializer.Serialize(payload));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteCampaignJournal), $"The journal '{FilePath}' is closed.");
        }

        Task<bool> committed = pending.Completion.Task;
        return new ValueTask<bool>(ct.CanBeCanceled ? committed.WaitAsync(ct) : committed);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JournalEntry> ReadAllAsync(CancellationToken ct) => SqliteJournalReader.ReadAllAsync(FilePath, ct);

    /// <summary>Writes everything still queued, then closes the file.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer;
        _batchWriter.Dispose();
        await _connection.DisposeAsync();
    }

    private static void Configure(SqliteConnection connection, string path, JournalDurability durability)
    {
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL;";
        string? mode = pragma.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new JournalException(
                $"The journal '{path}' could not switch to WAL mode (SQLite reports '{mode}'); the file system may not support shared memory.");
        }

        pragma.CommandText = durability == JournalDurability.PowerLossSafe
            ? "PRAGMA synchronous = FULL;"
            : "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
    }

    private static Guid ReadCampaignId(SqliteConnection connection)
    {
        using SqliteCommand first = connection.CreateCommand();
        first.CommandText = "SELECT campaign_id FROM journal ORDER BY sequence LIMIT 1;";
        return first.ExecuteScalar() is string id ? Guid.Parse(id) : Guid.Empty;
    }

    private static void CheckArguments(string kind, Guid campaignId, string idempotencyKey, object payload)
    {
        Type expected = JournalKinds.PayloadTypeOf(kind);
        if (payload.GetType() != expected)
        {
            throw new ArgumentException(
                $"A {kind} journal entry carries a {expected.Name}, not a {payload.GetType().Name}.", nameof(payload));
        }

        if (campaignId == Guid.Empty)
        {
            throw new ArgumentException($"The {kind} journal entry has an empty campaign id.", nameof(campaignId));
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            throw new ArgumentException($"The {kind} journal entry has no idempotency key.", nameof(idempotencyKey));
        }
    }

    private void ClaimCampaign(Guid campaignId)
    {
        lock (_campaignLock)
        {
            if (_campaignId == Guid.Empty)
            {
                _campaignId = campaignId;
            }
            else if (_campaignId != campaignId)
            {
                throw new ArgumentException(
                    $"The journal '{FilePath}' belongs to campaign {_campaignId}; it cannot record campaign {campaignId} (one campaign per run folder).",
                    nameof(campaignId));
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<PendingAppend> reader = _queue.Reader;
        List<PendingAppend> batch = new(_maxBatchSize);
        while (await reader.WaitToReadAsync())
        {
            // Everything queued while the previous batch committed goes into this one.
            while (batch.Count < _maxBatchSize && reader.TryRead(out PendingAppend? item))
            {
                batch.Add(item);
            }

            _batchWriter.Commit(batch);
            batch.Clear();
        }
    }
}
