using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Cli;

/// <summary>The copy of the campaign spec a run folder keeps, with the folder the original was in.</summary>
/// <remarks>
/// <c>autolab resume</c> reads the copy to host the spec's process instruments again. Their relative
/// paths (the program, the working directory) belong to the original spec's folder, not the run folder,
/// so that folder is written beside the copy and used as the copy's base directory.
/// </remarks>
public static class SpecCopy
{
    /// <summary>Name of the copy of the spec kept in the run folder, read again by <c>autolab resume</c>.</summary>
    public const string SpecCopyName = "spec.yaml";

    /// <summary>File in the run folder holding the absolute folder of the original spec, one line.</summary>
    public const string OriginFileName = "spec.origin";

    /// <summary>Copies the spec into the run folder (<see cref="SpecCopyName"/>) and records its folder.</summary>
    /// <param name="specPath">The spec file the campaign was started from.</param>
    /// <param name="folder">The new run folder.</param>
    public static void Save(string specPath, RunFolder folder)
    {
        var source = Path.GetFullPath(specPath);
        File.Copy(source, Path.Combine(folder.Root, SpecCopyName), overwrite: true);
        File.WriteAllText(Path.Combine(folder.Root, OriginFileName), Path.GetDirectoryName(source) + "\n");
    }

    /// <summary>Loads the run folder's spec copy with paths resolved as the original's were.</summary>
    /// <param name="folder">The run folder.</param>
    /// <returns>The load result, or null when the folder has no copy. A folder without an origin (written by an older run) resolves against the run folder.</returns>
    public static SpecLoadResult? Load(RunFolder folder)
    {
        var copy = Path.Combine(folder.Root, SpecCopyName);
        if (!File.Exists(copy))
        {
            return null;
        }

        var origin = Path.Combine(folder.Root, OriginFileName);
        var baseDirectory = File.Exists(origin) ? File.ReadAllText(origin).TrimEnd('\r', '\n') : null;
        return LocalSetup.LoadSpec(copy, baseDirectory);
    }
}
