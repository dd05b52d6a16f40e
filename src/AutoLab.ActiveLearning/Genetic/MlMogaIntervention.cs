namespace AutoLab.ActiveLearning.Genetic;

/// <summary>What the ML-enhanced MOGA did to one generation's batch.</summary>
/// <param name="Generation">The generation whose batch this is (the optimizer's <see cref="IAskTellOptimizer.Generation"/> at the ask).</param>
/// <param name="Skipped">True when the intervention was skipped because the last discrepancy score reached the skip threshold.</param>
/// <param name="Proportion">The replacement proportion in force, in [0, 1].</param>
/// <param name="Positions">Batch positions replaced by candidates from the elite cluster's range (empty when skipped).</param>
/// <param name="EliteLower">Per-variable lower end of the elite cluster's range (empty when skipped).</param>
/// <param name="EliteUpper">Per-variable upper end of the elite cluster's range (empty when skipped).</param>
/// <param name="EliteSize">Members of the elite cluster.</param>
/// <param name="PreviousDiscrepancy">The discrepancy score measured on the previous intervention's candidates; NaN when none was measured.</param>
public sealed record MlMogaIntervention(
    int Generation,
    bool Skipped,
    double Proportion,
    IReadOnlyList<int> Positions,
    IReadOnlyList<double> EliteLower,
    IReadOnlyList<double> EliteUpper,
    int EliteSize,
    double PreviousDiscrepancy);
