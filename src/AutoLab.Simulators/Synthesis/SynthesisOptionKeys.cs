namespace AutoLab.Simulators.Synthesis;

/// <summary>Command option keys the synthesis robot reads, besides <see cref="Behaviour.BehaviourOptionKeys"/>.</summary>
public static class SynthesisOptionKeys
{
    /// <summary>Composition scatter (standard deviation of each atom fraction), e.g. "0.01".</summary>
    public const string CompositionScatter = "composition_scatter";

    /// <summary>Probability in [0, 1] that a synthesis fails.</summary>
    public const string FailureRate = "failure_rate";

    /// <summary>Annealing temperature (°C) when the point has no "anneal_temperature_c".</summary>
    public const string AnnealTemperature = "anneal_temperature_c";
}
