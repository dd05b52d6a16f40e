using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>What <see cref="SasModelSelector"/> says about one curve.</summary>
/// <param name="Families">The families, in the order of <paramref name="Probabilities"/>.</param>
/// <param name="Probabilities">Softmax probability of each family (sums to 1).</param>
/// <param name="Family">The most probable family.</param>
/// <param name="Sizes">The chosen family's size parameters.</param>
public sealed record SasPrediction(
    IReadOnlyList<SaxsModel> Families,
    IReadOnlyList<double> Probabilities,
    SaxsModel Family,
    IReadOnlyList<SasSizeEstimate> Sizes)
{
    /// <summary>Probability of the chosen family.</summary>
    public double Confidence => Probabilities[Families.ToList().IndexOf(Family)];
}
