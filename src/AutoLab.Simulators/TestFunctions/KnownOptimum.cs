namespace AutoLab.Simulators.TestFunctions;

/// <summary>The global minimum of a test function: its value and every point where it is reached.</summary>
/// <param name="Value">The minimum value.</param>
/// <param name="Locations">The minimisers (several for Branin), each with one coordinate per input.</param>
public sealed record KnownOptimum(double Value, IReadOnlyList<IReadOnlyList<double>> Locations);
