namespace AutoLab.Orchestrator.RunFolders;

/// <summary>
/// The folder one campaign runs in: <c>journal.db</c> (the source of truth), <c>observations.csv</c> and
/// <c>summary.json</c> (exports rebuilt from the journal), and <c>data/</c> for large measurement data.
/// </summary>
/// <seealso cref="Journal.SqliteCampaignJournal"/>
/// <seealso cref="RunFolderExporter"/>
public sealed class RunFolder
{
    /// <summary>File name of the journal.</summary>
    public const string JournalFileName = "journal.db";

    /// <summary>File name of the observations export.</summary>
    public const string ObservationsFileName = "observations.csv";

    /// <summary>File name of the summary export.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>Name of the folder for large data (patterns, frames) referenced from messages.</summary>
    public const string DataFolderName = "data";

    private RunFolder(string root) => Root = root;

    /// <summary>Absolute path of the run folder.</summary>
    public string Root { get; }

    /// <summary>Absolute path of <c>journal.db</c>.</summary>
    public string JournalPath => Path.Combine(Root, JournalFileName);

    /// <summary>Absolute path of <c>observations.csv</c>.</summary>
    public string ObservationsPath => Path.Combine(Root, ObservationsFileName);

    /// <summary>Absolute path of <c>summary.json</c>.</summary>
    public string SummaryPath => Path.Combine(Root, SummaryFileName);

    /// <summary>Absolute path of <c>data/</c>; the campaign's <c>DataDirectory</c>.</summary>
    public string DataDirectory => Path.Combine(Root, DataFolderName);

    /// <summary>Creates the folder for a new campaign (an existing folder is fine if it holds no campaign yet).</summary>
    /// <param name="path">Where to run; relative paths are made absolute.</param>
    /// <returns>The run folder, with <c>data/</c> created.</returns>
    /// <exception cref="RunFolderException">The path is a file, already holds a campaign, or cannot be created.</exception>
    public static RunFolder Create(string path)
    {
        var folder = new RunFolder(Absolute(path));
        if (File.Exists(folder.Root))
        {
            throw new RunFolderException($"Cannot create the run folder '{folder.Root}': a file has that name.");
        }

        if (File.Exists(folder.JournalPath) || Directory.Exists(folder.JournalPath))
        {
            throw new RunFolderException(
                $"The run folder '{folder.Root}' already holds a campaign ({JournalFileName}); " +
                $"use 'autolab resume {folder.Root}' to continue it, or choose another folder.");
        }

        try
        {
            Directory.CreateDirectory(folder.DataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException($"Cannot create the run folder '{folder.Root}': {ex.Message}", ex);
        }

        return folder;
    }

    /// <summary>Opens an existing run folder to read it (status, exports), writing nothing.</summary>
    /// <param name="path">The run folder.</param>
    /// <returns>The run folder.</returns>
    /// <exception cref="RunFolderException">No folder there, or it has no journal.</exception>
    public static RunFolder OpenForReading(string path)
    {
        var folder = new RunFolder(Absolute(path));
        folder.Validate();
        return folder;
    }

    /// <summary>Opens an existing run folder to resume its campaign: validates it and makes sure <c>data/</c> exists.</summary>
    /// <param name="path">The run folder.</param>
    /// <returns>The run folder.</returns>
    /// <exception cref="RunFolderException">No folder there, it has no journal, or the journal is read-only.</exception>
    public static RunFolder OpenForResume(string path)
    {
        var folder = new RunFolder(Absolute(path));
        folder.Validate();
        if (new FileInfo(folder.JournalPath).IsReadOnly)
        {
            throw new RunFolderException(
                $"Cannot resume from '{folder.Root}': {JournalFileName} is read-only; copy the run folder somewhere writable.");
        }

        if (File.Exists(folder.DataDirectory))
        {
            throw new RunFolderException($"Cannot resume from '{folder.Root}': '{DataFolderName}' is a file, not a folder.");
        }

        try
        {
            Directory.CreateDirectory(folder.DataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException($"Cannot resume from '{folder.Root}': cannot create '{DataFolderName}/': {ex.Message}", ex);
        }

        return folder;
    }

    /// <inheritdoc />
    public override string ToString() => Root;

    private static string Absolute(string path) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new RunFolderException("No run folder was given.")
            : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private void Validate()
    {
        if (File.Exists(Root))
        {
            throw new RunFolderException($"'{Root}' is a file, not a run folder.");
        }

        if (!Directory.Exists(Root))
        {
            throw new RunFolderException($"No run folder at '{Root}'.");
        }

        if (Directory.Exists(JournalPath))
        {
            throw new RunFolderException($"'{JournalPath}' is a folder, not a journal file.");
        }

        if (!File.Exists(JournalPath))
        {
            throw new RunFolderException(
                $"'{Root}' is not a run folder: it has no {JournalFileName} (a campaign writes one when it starts).");
        }
    }
}
