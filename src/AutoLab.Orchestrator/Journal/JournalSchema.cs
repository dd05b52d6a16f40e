using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Creates and recognises the journal's SQLite schema.</summary>
/// <remarks>
/// <c>journal_schema</c> holds one row with the schema version, so a future AutoLab can migrate an old
/// journal and an old AutoLab refuses a newer one instead of misreading it.
/// </remarks>
internal static class JournalSchema
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    private const string SchemaTable = "journal_schema";
    private const string EntryTable = "journal";

    // SQLite result codes that mean "these bytes are not a usable database".
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private const string CreateSql = """
        CREATE TABLE journal_schema (
            version     INTEGER NOT NULL,
            created_by  TEXT    NOT NULL,
            created_at  TEXT    NOT NULL
        );
        CREATE TABLE journal (
            sequence        INTEGER PRIMARY KEY,
            campaign_id     TEXT    NOT NULL,
            experiment_id   TEXT    NULL,
            kind            TEXT    NOT NULL,
            idempotency_key TEXT    NOT NULL,
            timestamp       TEXT    NOT NULL,
            payload         TEXT    NOT NULL,
            UNIQUE (kind, idempotency_key)
        );
        """;

    /// <summary>Verifies an existing journal, or creates the schema when the database is empty (new file).</summary>
    /// <returns>True when the schema was created.</returns>
    public static bool InitializeOrVerify(SqliteConnection connection, string path, TimeProvider clock)
    {
        if (Verify(connection, path, allowEmpty: true))
        {
            return false;
        }

        using SqliteTransaction transaction = connection.BeginTransaction();
        // Another process may have created it between the check and the write lock.
        if (ReadTables(connection).Count > 0)
        {
            transaction.Rollback();
            Verify(connection, path, allowEmpty: false);
            return false;
        }

        using SqliteCommand create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = CreateSql + "INSERT INTO journal_schema (version, created_by, created_at) VALUES ($v, $by, $at);";
        create.Parameters.AddWithValue("$v", CurrentVersion);
        create.Parameters.AddWithValue("$by", "AutoLab " + typeof(JournalSchema).Assembly.GetName().Version);
        create.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        create.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    /// <summary>Checks that the database is a journal of a known version.</summary>
    /// <returns>True when it is a journal; false when it is empty and <paramref name="allowEmpty"/>.</returns>
    /// <exception cref="JournalException">Not a journal, or an unknown version.</exception>
    public static bool Verify(SqliteConnection connection, string path, bool allowEmpty)
    {
        List<string> tables = ReadTables(connection);
        if (tables.Count == 0)
        {
            return allowEmpty
                ? false
                : throw new JournalException($"'{path}' is not an AutoLab journal: it is an empty SQLite database.");
        }

        if (!tables.Contains(SchemaTable, StringComparer.Ordinal))
        {
            throw new JournalException(
                $"'{path}' is not an AutoLab journal: it is an SQLite database without a {SchemaTable} table " +
                $"(its tables: {string.Join(", ", tables)}).");
        }

        using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM journal_schema LIMIT 1;";
        object? version = read.ExecuteScalar();
        if (version is not long number)
        {
            throw new JournalException($"'{path}' is a damaged AutoLab journal: its {SchemaTable} table holds no version.");
        }

        if (number != CurrentVersion)
        {
            string hint = number > CurrentVersion ? " It was written by a newer AutoLab; upgrade to read it." : "";
            throw new JournalException(
                $"'{path}' has journal schema version {number}, which this AutoLab does not know (it reads version {CurrentVersion}).{hint}");
        }

        if (!tables.Contains(EntryTable, StringComparer.Ordinal))
        {
            throw new JournalException($"'{path}' is a damaged AutoLab journal: the {EntryTable} table is missing.");
        }

        return true;
    }

    /// <summary>Wraps an SQLite error met while opening, naming the file and what it means.</summary>
    public static JournalException OpenFailure(string path, SqliteException ex) =>
        ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt
            ? new JournalException($"'{path}' is not an AutoLab journal: the file is not an SQLite database ({ex.Message}).", ex)
            : new JournalException($"The journal '{path}' cannot be opened: {ex.Message}", ex);

    private static List<string> ReadTables(SqliteConnection connection)
    {
        using SqliteCommand list = connection.CreateCommand();
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
        using SqliteDataReader reader = list.ExecuteReader();
        List<string> names = [];
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
