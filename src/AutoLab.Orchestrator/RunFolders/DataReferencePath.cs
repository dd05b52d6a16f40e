using AutoLab.Contracts;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>Where a journaled <see cref="DataReference"/> points on this machine.</summary>
public static class DataReferencePath
{
    /// <summary>
    /// The file path of a reference: a <c>file://</c> URI's local path, a rooted path as it is, and a relative one inside
    /// <paramref name="runRoot"/> (the run folder) when given.
    /// </summary>
    /// <param name="reference">The reference, as journaled.</param>
    /// <param name="runRoot">The run folder, for relative references; null leaves them as they are.</param>
    /// <returns>The path; whether the file exists is the caller's question.</returns>
    public static string Of(DataReference reference, string? runRoot)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Uri.TryCreate(reference.Uri, UriKind.Absolute, out Uri? uri) && uri.IsFile
            ? uri.LocalPath
            : Path.IsPathRooted(reference.Uri) || runRoot is null ? reference.Uri : Path.Combine(runRoot, reference.Uri);
    }
}
