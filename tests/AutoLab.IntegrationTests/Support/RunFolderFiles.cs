using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AutoLab.IntegrationTests.Support;

/// <summary>Reads what a run folder holds: observations.csv, summary.json, the journal.</summary>
public sealed class RunFolderFiles(string root)
{
    /// <summary>The run folder.</summary>
    public string Root { get; } = root;

    /// <summary>A fresh, not yet existing run folder path under the temp directory.</summary>
    public static RunFolderFiles NewTemp(string label) =>
        new(Path.Combine(Path.GetTempPath(), "autolab-it", $"{label}-{Guid.NewGuid():N}"));

    /// <summary>observations.csv as header + rows of fields (no quoted commas in these tests).</summary>
    public (string[] Header, List<string[]> Rows) Observations()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Root, "observations.csv"));
        return (lines[0].Split(','), lines.Skip(1).Where(l => l.Length > 0).Select(SplitCsv).ToList());
    }

    /// <summary>summary.json parsed.</summary>
    public JsonElement Summary()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "summary.json")));
        return doc.RootElement.Clone();
    }

    /// <summary>Rows of the journal as (kind, idempotency key, experiment id, payload).</summary>
    public List<(string Kind, string Key, string? Experiment, string Payload)> Journal()
    {
        var rows = new List<(string, string, string?, string)>();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Root, "journal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT kind, idempotency_key, experiment_id, payload FROM journal ORDER BY sequence";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    internal static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
