using System.Runtime.CompilerServices;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Finds files of the repository (the examples) from this source file's location.</summary>
/// <remarks>The build output may live anywhere (ArtifactsPath), so the walk starts from the source path the compiler recorded.</remarks>
internal static class RepositoryFiles
{
    public static string PathOf(string relative, [CallerFilePath] string here = "")
    {
        for (DirectoryInfo? directory = new FileInfo(here).Directory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AutoLab.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException($"no AutoLab.sln above {here}; cannot find {relative}");
    }
}
