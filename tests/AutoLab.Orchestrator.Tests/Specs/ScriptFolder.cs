using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>
/// A temporary spec folder holding what process-instrument commands point at: an executable
/// <c>sim.sh</c>, a plain file <c>notes.txt</c>, a folder <c>bin/</c> with an executable <c>tool</c>, and a folder <c>work/</c>.
/// </summary>
internal sealed class ScriptFolder : IDisposable
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly TemporaryFolder folder = new();

    public ScriptFolder()
    {
        WriteScript("sim.sh", "#!/bin/sh\necho '{\"readings\": {\"y\": 1.5}}'\n");
        File.WriteAllText(Combine("notes.txt"), "not a program\n");
        Directory.CreateDirectory(Combine("bin"));
        WriteScript(Path.Combine("bin", "tool"), "#!/bin/sh\nexit 0\n");
        Directory.CreateDirectory(Combine("work"));
    }

    public string Root => folder.Path;

    public string Combine(string relative) => Path.Combine(folder.Path, relative);

    public void Dispose() => folder.Dispose();

    private void WriteScript(string relative, string text)
    {
        File.WriteAllText(Combine(relative), text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Combine(relative), Executable);
        }
    }
}
