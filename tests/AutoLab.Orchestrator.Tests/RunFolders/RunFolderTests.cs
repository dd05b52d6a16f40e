using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.RunFolders;

/// <summary>A run folder is created once per campaign and validated with a clear message before resume or status.</summary>
public sealed class RunFolderTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Create_makes_the_folder_with_its_data_subfolder_and_absolute_paths()
    {
        string path = _temp.File("runs/first");

        RunFolder folder = RunFolder.Create(path);

        Assert.True(Directory.Exists(Path.Combine(path, "data")));
        Assert.Equal(path, folder.Root);
        Assert.Equal(Path.Combine(path, "journal.db"), folder.JournalPath);
        Assert.Equal(Path.Combine(path, "observations.csv"), folder.ObservationsPath);
        Assert.Equal(Path.Combine(path, "summary.json"), folder.SummaryPath);
        Assert.Equal(Path.Combine(path, "data"), folder.DataDirectory);
    }

    [Fact]
    public void Create_refuses_a_folder_that_already_holds_a_campaign_and_points_to_resume()
    {
        RunFolder folder = RunFolder.Create(_temp.File("run"));
        File.WriteAllText(folder.JournalPath, "");

        RunFolderException error = Assert.Throws<RunFolderException>(() => RunFolder.Create(folder.Root));

        Assert.Contains($"'{folder.Root}' already holds a campaign", error.Message, StringComparison.Ordinal);
        Assert.Contains($"autolab resume {folder.Root}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_folder_that_does_not_exist_names_it()
    {
        string missing = _temp.File("nowhere");

        RunFolderException read = Assert.Throws<RunFolderException>(() => RunFolder.OpenForReading(missing));
        RunFolderException resume = Assert.Throws<RunFolderException>(() => RunFolder.OpenForResume(missing));

        Assert.Equal($"No run folder at '{missing}'.", read.Message);
        Assert.Equal(read.Message, resume.Message);
    }

    [Fact]
    public void Opening_a_folder_without_a_journal_says_it_is_not_a_run_folder()
    {
        string plain = _temp.File("plain");
        Directory.CreateDirectory(plain);

        RunFolderException error = Assert.Throws<RunFolderException>(() => RunFolder.OpenForReading(plain));

        Assert.Equal($"'{plain}' is not a run folder: it has no journal.db (a campaign writes one when it starts).", error.Message);
    }

    [Fact]
    public void Opening_a_file_as_a_run_folder_says_so()
    {
        string file = _temp.File("journal.db");
        File.WriteAllText(file, "");

        RunFolderException error = Assert.Throws<RunFolderException>(() => RunFolder.OpenForResume(file));

        Assert.Equal($"'{file}' is a file, not a run folder.", error.Message);
    }

    [Fact]
    public void Opening_for_resume_recreates_a_missing_data_folder_while_opening_for_reading_writes_nothing()
    {
        RunFolder created = RunFolder.Create(_temp.File("run"));
        File.WriteAllText(created.JournalPath, "");
        Directory.Delete(created.DataDirectory);

        RunFolder.OpenForReading(created.Root);
        bool afterReading = Directory.Exists(created.DataDirectory);
        RunFolder resumed = RunFolder.OpenForResume(created.Root + "/");

        Assert.False(afterReading);
        Assert.True(Directory.Exists(resumed.DataDirectory));
        Assert.Equal(created.Root, resumed.Root);
    }
}
