using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Synthesis;

/// <summary>What happens in the furnace: composition scatter, then equilibrium phases and grain growth at the annealing temperature.</summary>
/// <remarks>
/// Scatter: each fraction gets Gaussian noise of standard deviation <see cref="SynthesisSettings.CompositionScatter"/>
/// (clipped at 0, renormalised), as dispensing and evaporation losses would. Crystallite size grows
/// linearly from <see cref="SynthesisSettings.MinimumCrystalliteSize"/> at 300 °C to
/// <see cref="SynthesisSettings.MaximumCrystalliteSize"/> at 1000 °C (clamped), a simple stand-in for grain growth
/// that makes annealing visible as Scherrer narrowing.
/// </remarks>
public static class SynthesisModel
{
    /// <summary>Makes a sample.</summary>
    /// <param name="diagram">The system.</param>
    /// <param name="settings">Scatter and grain growth.</param>
    /// <param name="sampleId">Id of the new sample.</param>
    /// <param name="nominal">Requested atom fractions (sum 1).</param>
    /// <param name="annealTemperature">Annealing temperature (°C).</param>
    /// <param name="random">The stream for the scatter.</param>
    /// <returns>The sample.</returns>
    public static SynthesizedSample Make(PhaseDiagram diagram, SynthesisSettings settings, string sampleId, IReadOnlyList<double> nominal, double annealTemperature, Random random)
    {
        var actual = new double[nominal.Count];
        for (var i = 0; i < actual.Length; i++)
        {
            actual[i] = Math.Max(0.0, nominal[i] + (settings.CompositionScatter * random.NextGaussian()));
        }

        var sum = actual.Sum();
        if (sum <= 0)
        {
            actual = [.. nominal];
            sum = 1.0;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            actual[i] /= sum;
        }

        var growth = Math.Clamp((annealTemperature - 300.0) / 700.0, 0.0, 1.0);
        var size = settings.MinimumCrystalliteSize + (growth * (settings.MaximumCrystalliteSize - settings.MinimumCrystalliteSize));
        return new SynthesizedSample(sampleId, diagram.Name, [.. nominal], actual, annealTemperature, size, diagram.Equilibrium(actual));
    }
}
