using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>
/// The one entry point for the CLI: read a spec file, report every error with its place, and
/// compile a valid spec to a <see cref="CampaignPlan"/> and <see cref="ScheduleSpec"/>.
/// </summary>
/// <seealso cref="SpecErrorFormatter"/>
public static class CampaignSpecLoader
{
    /// <summary>Loads, validates and compiles the spec in the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of the YAML file.</param>
    /// <param name="catalog">Known instruments, strategies and models; <see cref="SpecCatalog.Unchecked"/> skips name checks.</param>
    /// <param name="baseDirectory">Folder the spec's relative paths are resolved against; the file's own folder when null.
    /// A copy of a spec kept elsewhere (a run folder's) passes the original's folder.</param>
    /// <returns>Errors, or the spec, plan and schedule. A missing or unreadable file is an error, not an exception.</returns>
    public static SpecLoadResult Load(string path, SpecCatalog catalog, string? baseDirectory = null)
    {
        if (Directory.Exists(path))
        {
            return Failed(path, $"'{path}' is a directory; expected a campaign spec file (.yaml)");
        }

        if (!File.Exists(path))
        {
            return Failed(path, $"file not found: '{Path.GetFullPath(path)}'");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot read the file: {e.Message}");
        }

        return LoadText(text, catalog, path, baseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Loads, validates and compiles a spec given as text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="catalog">Known instruments, strategies and models.</param>
    /// <param name="sourceName">Label for messages, usually the file path.</param>
    /// <param name="baseDirectory">Folder the spec's relative paths are resolved against (<see cref="CampaignSpec.BaseDirectory"/>); the current directory when null.</param>
    /// <returns>Errors, or the spec, plan and schedule.</returns>
    public static SpecLoadResult LoadText(string text, SpecCatalog catalog, string sourceName = "<spec>", string? baseDirectory = null)
    {
        SpecParseResult parsed = CampaignSpecParser.Parse(text);
        if (parsed.Spec is null)
        {
            return new SpecLoadResult { SourceName = sourceName, Errors = parsed.Errors };
        }

        // Made absolute now, so that a later change of the current directory does not move the spec's files.
        CampaignSpec spec = parsed.Spec with { BaseDirectory = Path.GetFullPath(baseDirectory ?? ".") };
        SpecValidationResult validation = SpecValidator.Validate(spec, catalog);
        List<SpecError> errors = [.. parsed.Errors.Concat(validation.Errors).OrderBy(e => e.Line).ThenBy(e => e.Column)];
        if (errors.Count > 0)
        {
            return new SpecLoadResult { SourceName = sourceName, Errors = errors, Spec = spec };
        }

        return new SpecLoadResult
        {
            SourceName = sourceName,
            Spec = spec,
            Plan = CampaignSpecCompiler.CompileValidated(spec, catalog),
            Schedule = spec.Schedule,
        };
    }

    private static SpecLoadResult Failed(string path, string message) =>
        new() { SourceName = path, Errors = [new SpecError(0, 0, "", message)] };
}
