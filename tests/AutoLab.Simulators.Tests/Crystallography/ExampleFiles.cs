using System.Runtime.CompilerServices;

namespace AutoLab.Simulators.Tests.Crystallography;

/// <summary>
/// Finds the repository's examples/cif folder above the test's output folder, the working folder or this
/// source file (the build output may live outside the repository, and CI may map source paths).
/// </summary>
internal static class ExampleFiles
{
    public static string Cif(string name) => Path.Combine(Root(), "examples", "cif", name);

    private static string Root([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            var directory = start.Length > 0 ? new DirectoryInfo(start) : null;
            while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "examples", "cif")))
            {
                directory = directory.Parent;
            }

            if (directory is not null)
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"examples/cif not found above {AppContext.BaseDirectory}, {Directory.GetCurrentDirectory()} or {sourceFile}");
    }
}
