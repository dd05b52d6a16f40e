using System.Text;
using System.Text.Json;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Approval;

/// <summary>
/// The run folder's <c>approvals/</c> directory: decisions waiting to be applied (<c>pending/</c>), applied
/// (<c>applied/</c>) or arriving too late (<c>stale/</c>), and the poller's heartbeat (<c>poller.json</c>).
/// </summary>
/// <remarks>
/// Files are written to a temporary name and renamed, so a reader in the other process never sees half a
/// decision; moving a file between the sub-folders is a rename within one file system.
/// </remarks>
/// <seealso cref="ApprovalPoller"/>
public sealed class ApprovalInbox(string runDirectory)
{
    /// <summary>Name of the folder inside the run folder.</summary>
    public const string FolderName = "approvals";

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The <c>approvals/</c> folder.</summary>
    public string Root { get; } = Path.Combine(Path.GetFullPath(runDirectory), FolderName);

    /// <summary>Decisions not yet applied.</summary>
    public string PendingDirectory => Path.Combine(Root, "pending");

    /// <summary>Decisions the campaign journaled.</summary>
    public string AppliedDirectory => Path.Combine(Root, "applied");

    /// <summary>Decisions whose batch no longer waited when they arrived.</summary>
    public string StaleDirectory => Path.Combine(Root, "stale");

    /// <summary>The poller's heartbeat file.</summary>
    public string HeartbeatPath => Path.Combine(Root, "poller.json");

    /// <summary>Leaves a decision for the orchestrator; returns the file's path.</summary>
    public string Submit(ApprovalDecision decision)
    {
        Directory.CreateDirectory(PendingDirectory);
        // The time prefix keeps the files in decision order when listed by name.
        string name = $"{decision.DecidedAt.UtcTicks:D19}-batch{decision.Batch}-{decision.DecisionId:N}.json";
        string path = Path.Combine(PendingDirectory, name);
        WriteAtomically(path, JsonSerializer.Serialize(decision, JournalSerializer.IndentedOptions));
        return path;
    }

    /// <summary>Decisions waiting, oldest first; a file that does not parse is moved to <c>stale/</c>.</summary>
    public IReadOnlyList<PendingDecision> ReadPending()
    {
        if (!Directory.Exists(PendingDirectory))
        {
            return [];
        }

        var pending = new List<PendingDecision>();
        foreach (string path in Directory.GetFiles(PendingDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                ApprovalDecision? decision = JsonSerializer.Deserialize<ApprovalDecision>(File.ReadAllText(path, Utf8), JournalSerializer.Options);
                if (decision is not null)
                {
                    pending.Add(new PendingDecision(path, decision));
                    continue;
                }
            }
            catch (JsonException)
            {
                // fall through: an unreadable decision can never be applied
            }
            catch (FileNotFoundException)
            {
                continue; // moved by another poller between listing and reading
            }

            MoveTo(path, StaleDirectory);
        }

        return pending;
    }

    /// <summary>Files a pending decision as applied.</summary>
    public void MarkApplied(PendingDecision decision) => MoveTo(decision.Path, AppliedDirectory);

    /// <summary>Files a pending decision as stale (its batch no longer waited).</summary>
    public void MarkStale(PendingDecision decision) => MoveTo(decision.Path, StaleDirectory);

    /// <summary>Where a decision file ended up: "pending", "applied", "stale", or null when it is nowhere.</summary>
    public string? Locate(string pendingPath)
    {
        string name = Path.GetFileName(pendingPath);
        foreach ((string where, string directory) in new[] { ("pending", PendingDirectory), ("applied", AppliedDirectory), ("stale", StaleDirectory) })
        {
            if (File.Exists(Path.Combine(directory, name)))
            {
                return where;
            }
        }

        return null;
    }

    /// <summary>Writes the heartbeat.</summary>
    public void Beat(DateTimeOffset now)
    {
        Directory.CreateDirectory(Root);
        WriteAtomically(HeartbeatPath, JsonSerializer.Serialize(new ApprovalHeartbeat { ProcessId = Environment.ProcessId, At = now }, JournalSerializer.Options));
    }

    /// <summary>The last heartbeat, or null when no poller ever ran here.</summary>
    public ApprovalHeartbeat? ReadHeartbeat()
    {
        try
        {
            return File.Exists(HeartbeatPath) ? JsonSerializer.Deserialize<ApprovalHeartbeat>(File.ReadAllText(HeartbeatPath, Utf8), JournalSerializer.Options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    static void MoveTo(string path, string directory)
    {
        Directory.CreateDirectory(directory);
        try
        {
            File.Move(path, Path.Combine(directory, Path.GetFileName(path)), overwrite: true);
        }
        catch (FileNotFoundException)
        {
            // already moved (two pollers, or a retry): nothing to do
        }
    }

    static void WriteAtomically(string path, string content)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, content, Utf8);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
