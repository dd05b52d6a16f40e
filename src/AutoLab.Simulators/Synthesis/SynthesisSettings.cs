namespace AutoLab.Simulators.Synthesis;

/// <summary>Synthesis imperfections and grain growth of the simulated robot.</summary>
public sealed record SynthesisSettings
{
    /// <summary>Standard deviation of the scatter added to each atom fraction (0.01 = one atom per cent).</summary>
    public double CompositionScatter { get; init; } = 0.01;

    /// <summary>Probability in [0, 1] that a synthesis fails outright (the robot reports unusable output).</summary>
    public double FailureRate { get; init; }

    /// <summary>Annealing temperature (°C) when a command gives none.</summary>
    public double DefaultAnnealTemperature { get; init; } = 600.0;

    /// <summary>Crystallite size (nm) at or below 300 °C.</summary>
    public double MinimumCrystalliteSize { get; init; } = 10.0;

    /// <summary>Crystallite size (nm) at or above 1000 °C.</summary>
    public double MaximumCrystalliteSize { get; init; } = 150.0;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(CompositionScatter is >= 0 and <= 0.5) || !(FailureRate is >= 0 and <= 1))
        {
            throw new ArgumentException($"composition scatter must be in [0, 0.5] and failure rate in [0, 1], not {CompositionScatter} and {FailureRate}");
        }

        if (!(MinimumCrystalliteSize > 0) || !(MaximumCrystalliteSize >= MinimumCrystalliteSize) || !double.IsFinite(DefaultAnnealTemperature + MaximumCrystalliteSize))
        {
            throw new ArgumentException($"crystallite sizes must satisfy 0 < minimum <= maximum, not {MinimumCrystalliteSize} and {MaximumCrystalliteSize} nm");
        }
    }
}
