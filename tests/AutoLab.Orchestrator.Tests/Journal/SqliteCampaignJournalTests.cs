using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using Microsoft.Data.Sqlite;

namespace AutoLab.Orchestrator.Tests.Journal;

/// <summary>
/// The SQLite journal on real files: order, idempotency, durability under concurrent appends and
/// reopening, and clear refusals of files that are not journals.
/// </summary>
public sealed class SqliteCampaignJournalTests : IDisposable
{
    private static readonly DateTimeOffset At = ManualClock.Epoch;
    private readonly TemporaryFolder _folder = new();
    private readonly Guid _campaign = Guid.NewGuid();

    private string JournalPath => _folder.File("journal.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Appended_entries_read_back_in_sequence_order_with_their_fields()
    {
        var experiment = Guid.NewGuid();
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath))
        {
            Assert.True(await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "p1", At, Paused("first"), default));
            Assert.True(await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, experiment, "p2", At.AddSeconds(1), Paused("second"), default));
            Assert.True(await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "p3", At.AddHours(2), Paused("third"), default));

            List<JournalEntry> entries = await ReadAllAsync(journal);

            Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
            Assert.Equal(["first", "second", "third"], entries.Select(e => e.ReadPayload<CampaignPaused>().Reason));
            JournalEntry second = entries[1];
            Assert.Equal(_campaign, second.CampaignId);
            Assert.Equal(experiment, second.ExperimentId);
            Assert.Null(entries[0].ExperimentId);
            Assert.Equal(JournalKinds.CampaignPaused, second.Kind);
            Assert.Equal("p2", second.IdempotencyKey);
            Assert.Equal(At.AddSeconds(1), second.Timestamp);
        }
    }

    [Fact]
    public async Task A_second_append_with_the_same_kind_and_key_writes_nothing_and_returns_false()
    {
        await using SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath);

        bool first = await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "same", At, Paused("original"), default);
        bool again = await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "same", At.AddSeconds(5), Paused("re-delivery"), default);
        bool otherKind = await journal.AppendAsync(JournalKinds.CampaignEnded, _campaign, null, "same", At, Ended(), default);

        Assert.True(first);
        Assert.False(again, "a re-delivery with the same kind and key must be recognised");
        Assert.True(otherKind, "keys are unique per kind, so another kind may reuse a key");
        List<JournalEntry> entries = await ReadAllAsync(journal);
        Assert.Equal(2, entries.Count);
        Assert.Equal("original", entries[0].ReadPayload<CampaignPaused>().Reason);
    }

    [Fact]
    public async Task Concurrent_appends_from_many_tasks_are_all_durable_after_reopening()
    {
        const int Tasks = 32;
        const int AppendsPerTask = 100;
        bool[] results;
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath))
        {
            IEnumerable<Task<bool[]>> writers = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                var mine = new bool[AppendsPerTask];
                for (int i = 0; i < AppendsPerTask; i++)
                {
                    // Every third append re-delivers the previous key: it must be recognised, not written.
                    int key = i % 3 == 2 ? i - 1 : i;
                    mine[i] = await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, $"{t}-{key}", At, Paused($"{t}-{i}"), default);
                }

                return mine;
            }));
            results = [.. (await Task.WhenAll(writers)).SelectMany(r => r)];
        }

        int expected = Tasks * (AppendsPerTask - (AppendsPerTask / 3));
        Assert.Equal(expected, results.Count(r => r));
        await using SqliteCampaignJournal reopened = SqliteCampaignJournal.Open(JournalPath);
        List<JournalEntry> entries = await ReadAllAsync(reopened);
        Assert.Equal(expected, entries.Count);
        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(expected, entries.Select(e => e.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task Appends_still_queued_when_the_journal_is_disposed_are_written_first()
    {
        const int Count = 2000;
        List<Task<bool>> pending = [];
        SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath, new SqliteJournalOptions { MaxBatchSize = 7 });
        for (int i = 0; i < Count; i++)
        {
            pending.Add(journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, $"k{i}", At, Paused("queued"), default).AsTask());
        }

        await journal.DisposeAsync();

        Assert.All(await Task.WhenAll(pending), Assert.True);
        Assert.Equal(Count, (await SqliteJournalReader.ReadListAsync(JournalPath)).Count);
    }

    [Fact]
    public async Task Entries_survive_closing_and_reopening_and_the_sequence_continues()
    {
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath))
        {
            await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "before", At, Paused("before"), default);
        }

        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath, new SqliteJournalOptions { CreateIfMissing = false }))
        {
            Assert.False(
                await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "before", At, Paused("again"), default),
                "the unique key must hold across reopening");
            Assert.True(await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "after", At, Paused("after"), default));
        }

        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(JournalPath);
        Assert.Equal([(1L, "before"), (2L, "after")], entries.Select(e => (e.Sequence, e.IdempotencyKey)));
    }

    [Fact]
    public async Task A_reader_sees_committed_entries_while_the_journal_is_open_for_writing()
    {
        await using SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath);
        await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "one", At, Paused("one"), default);

        IReadOnlyList<JournalEntry> seen = await SqliteJournalReader.ReadListAsync(JournalPath);
        await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "two", At, Paused("two"), default);

        Assert.Single(seen);
        Assert.Equal(2, (await SqliteJournalReader.ReadListAsync(JournalPath)).Count);
    }

    [Fact]
    public async Task Reading_a_closed_journal_leaves_only_the_journal_file_behind()
    {
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath))
        {
            await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "one", At, Paused("one"), default);
        }

        await SqliteJournalReader.ReadListAsync(JournalPath);

        Assert.Equal(["journal.db"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Power_loss_safe_durability_and_single_append_batches_write_the_same_entries()
    {
        var options = new SqliteJournalOptions { Durability = JournalDurability.PowerLossSafe, MaxBatchSize = 1 };
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath, options))
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, $"k{i}", At, Paused("x"), default).AsTask()));
        }

        Assert.Equal(20, (await SqliteJournalReader.ReadListAsync(JournalPath)).Count);
    }

    [Fact]
    public async Task A_file_that_is_not_an_sqlite_database_is_refused_naming_the_file()
    {
        await File.WriteAllTextAsync(JournalPath, "experiment_id,sequence\nthis is a CSV file, not a journal, and it is long enough to have a header\n");

        JournalException error = Assert.Throws<JournalException>(() => SqliteCampaignJournal.Open(JournalPath));
        JournalException readError = await Assert.ThrowsAsync<JournalException>(() => SqliteJournalReader.ReadListAsync(JournalPath));

        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not an SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an SQLite database", readError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sqlite_database_that_is_not_a_journal_is_refused_naming_its_tables()
    {
        await using (var other = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            await other.OpenAsync();
            await using SqliteCommand create = other.CreateCommand();
            create.CommandText = "CREATE TABLE samples (id TEXT);";
            await create.ExecuteNonQueryAsync();
        }

        JournalException error = Assert.Throws<JournalException>(() => SqliteCampaignJournal.Open(JournalPath));

        Assert.Contains("not an AutoLab journal", error.Message, StringComparison.Ordinal);
        Assert.Contains("samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_with_an_unknown_schema_version_is_refused_saying_which_version()
    {
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath))
        {
            await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "one", At, Paused("one"), default);
        }

        await using (var tamper = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            await tamper.OpenAsync();
            await using SqliteCommand update = tamper.CreateCommand();
            update.CommandText = "UPDATE journal_schema SET version = 99;";
            await update.ExecuteNonQueryAsync();
        }

        JournalException error = Assert.Throws<JournalException>(() => SqliteCampaignJournal.Open(JournalPath));
        JournalException readError = await Assert.ThrowsAsync<JournalException>(() => SqliteJournalReader.ReadListAsync(JournalPath));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer AutoLab", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 99", readError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_journal_is_refused_when_it_may_not_be_created()
    {
        JournalException open = Assert.Throws<JournalException>(
            () => SqliteCampaignJournal.Open(JournalPath, new SqliteJournalOptions { CreateIfMissing = false }));
        JournalException read = await Assert.ThrowsAsync<JournalException>(() => SqliteJournalReader.ReadListAsync(JournalPath));

        Assert.Equal($"No journal at '{JournalPath}'.", open.Message);
        Assert.Equal(open.Message, read.Message);
        Assert.False(File.Exists(JournalPath), "refusing to open must not leave an empty file behind");
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_reason()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => SqliteCampaignJournal.Open(JournalPath, new SqliteJournalOptions { MaxBatchSize = 0 }));

        Assert.Contains("MaxBatchSize is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_of_the_wrong_type_for_its_kind_is_refused_before_anything_is_written()
    {
        await using SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            async () => await journal.AppendAsync(JournalKinds.CampaignEnded, _campaign, null, "k", At, Paused("wrong"), default));

        Assert.Contains("carries a CampaignEnded, not a CampaignPaused", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync(journal));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_listing_the_known_ones()
    {
        await using SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            async () => await journal.AppendAsync("CampaignPausd", _campaign, null, "k", At, Paused("typo"), default));

        Assert.Contains("Unknown journal kind 'CampaignPausd'", error.Message, StringComparison.Ordinal);
        Assert.Contains(JournalKinds.CampaignPaused, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_of_a_second_campaign_are_refused_even_after_reopening()
    {
        await using (SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath))
        {
            await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "k", At, Paused("mine"), default);
        }

        await using SqliteCampaignJournal reopened = SqliteCampaignJournal.Open(JournalPath);
        var stranger = Guid.NewGuid();
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            async () => await reopened.AppendAsync(JournalKinds.CampaignPaused, stranger, null, "k2", At, Paused("theirs"), default));

        Assert.Contains($"belongs to campaign {_campaign}", error.Message, StringComparison.Ordinal);
        Assert.Contains(stranger.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_write_reaches_its_caller_as_a_JournalException_and_later_appends_do_not_hang()
    {
        await using SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath);
        await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "ok", At, Paused("ok"), default);
        await using (var saboteur = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            await saboteur.OpenAsync();
            await using SqliteCommand drop = saboteur.CreateCommand();
            drop.CommandText = "DROP TABLE journal;";
            await drop.ExecuteNonQueryAsync();
        }

        Task<bool>[] appends = [.. Enumerable.Range(0, 3).Select(i =>
            journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, $"k{i}", At, Paused("lost"), default).AsTask())];

        foreach (Task<bool> append in appends)
        {
            JournalException error = await Assert.ThrowsAsync<JournalException>(() => append.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.StartsWith($"Could not write to the journal '{JournalPath}':", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Appending_to_a_disposed_journal_throws_ObjectDisposedException()
    {
        SqliteCampaignJournal journal = SqliteCampaignJournal.Open(JournalPath);
        await journal.DisposeAsync();
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            async () => await journal.AppendAsync(JournalKinds.CampaignPaused, _campaign, null, "late", At, Paused("late"), default));
    }

    private static async Task<List<JournalEntry>> ReadAllAsync(SqliteCampaignJournal journal)
    {
        List<JournalEntry> entries = [];
        await foreach (JournalEntry entry in journal.ReadAllAsync(default))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private CampaignPaused Paused(string reason) => new() { CampaignId = _campaign, Timestamp = At, Reason = reason };

    private CampaignEnded Ended() => new() { CampaignId = _campaign, Timestamp = At, Outcome = CampaignOutcome.Completed };
}
