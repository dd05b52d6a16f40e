namespace AutoLab.Simulators.Ring.Lte;

/// <summary>One logical statement of a .lte file: continuation lines joined, comments removed.</summary>
internal sealed record LteStatement(string Text, int Line);
