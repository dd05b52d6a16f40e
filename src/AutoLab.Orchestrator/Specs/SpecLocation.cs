namespace AutoLab.Orchestrator.Specs;

/// <summary>A place in the YAML text of a spec.</summary>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public readonly record struct SpecLocation(int Line, int Column)
{
    /// <summary>No place: used for specs built in code rather than parsed.</summary>
    public static SpecLocation Unknown { get; } = new(0, 0);
}
