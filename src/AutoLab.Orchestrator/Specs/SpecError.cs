namespace AutoLab.Orchestrator.Specs;

/// <summary>One problem found in a campaign spec, with where it is.</summary>
/// <param name="Line">1-based line in the YAML text, or 0 when the problem has no place in it (e.g. a missing file).</param>
/// <param name="Column">1-based column in the YAML text, or 0 together with <paramref name="Line"/>.</param>
/// <param name="Path">Field path such as <c>space[1].bounds</c>; empty for the document as a whole.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
/// <seealso cref="SpecErrorFormatter"/>
public sealed record SpecError(int Line, int Column, string Path, string Message);
