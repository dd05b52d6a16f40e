namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>A Gamma(shape, rate) prior on a positive hyperparameter (length scale or signal variance), turning the fit into maximum a posteriori.</summary>
/// <remarks>
/// In log space t = log ℓ the log density is shape·t − rate·eᵗ plus a constant (the Jacobian included), so
/// its gradient is shape − rate·ℓ and its mode is ℓ = shape/rate. Gamma(3, 6) — mode 0.5 in the unit cube —
/// is BoTorch's long-standing default for SingleTaskGP; it keeps a few dozen points from declaring whole
/// inputs irrelevant (length scales at the upper bound), which otherwise traps BO in a local optimum.
/// </remarks>
/// <param name="Shape">α, dimensionless, &gt; 0.</param>
/// <param name="Rate">β, per unit-cube length, &gt; 0.</param>
public sealed record GammaPrior(double Shape, double Rate)
{
    /// <summary>Gamma(3, 6), BoTorch's default length-scale prior.</summary>
    public static GammaPrior BoTorchDefault { get; } = new(3.0, 6.0);

    /// <summary>Gamma(2, 0.15), BoTorch's default prior on the signal variance of standardised outputs (mode ≈ 6.7).</summary>
    public static GammaPrior BoTorchSignalVariance { get; } = new(2.0, 0.15);

    /// <summary>log p(t) up to a constant, for t = log θ of the parameter θ it is a prior of, and its derivative.</summary>
    /// <param name="logLengthScale">t.</param>
    /// <param name="derivative">d log p/dt.</param>
    /// <returns>shape·t − rate·eᵗ.</returns>
    public double LogDensity(double logLengthScale, out double derivative)
    {
        double scale = Math.Exp(logLengthScale);
        derivative = Shape - (Rate * scale);
        return (Shape * logLengthScale) - (Rate * scale);
    }
}
