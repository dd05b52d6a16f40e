namespace AutoLab.IntegrationTests.Support;

/// <summary>Finds files of the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding AutoLab.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    static string FindRoot()
    {
        string? recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "AutoLab.sln")))
        {
            return recorded;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AutoLab.sln not found above {AppContext.BaseDirectory}");
    }
}
