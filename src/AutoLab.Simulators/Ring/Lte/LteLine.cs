namespace AutoLab.Simulators.Ring.Lte;

/// <summary>A beamline item: an element or line name, or a group, with repetition and reversal.</summary>
internal sealed record LteLine(string? Name, IReadOnlyList<LteLine> Items, int Repeat, bool Reversed, int Line);
