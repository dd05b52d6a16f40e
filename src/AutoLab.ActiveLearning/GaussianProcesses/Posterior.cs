namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>The GP posterior of the latent function at one point, in the objective's units.</summary>
/// <remarks>Gradients are with respect to the unit-cube coordinates and are empty when they were not asked for.</remarks>
public sealed record Posterior
{
    /// <summary>Posterior mean μ(x), objective units.</summary>
    public required double Mean { get; init; }

    /// <summary>Posterior variance σ²(x) of the latent function (no observation noise), objective units squared.</summary>
    public required double Variance { get; init; }

    /// <summary>∂μ/∂x, one entry per coordinate, or empty.</summary>
    public required double[] MeanGradient { get; init; }

    /// <summary>∂σ²/∂x, one entry per coordinate, or empty.</summary>
    public required double[] VarianceGradient { get; init; }

    /// <summary>Posterior standard deviation σ(x).</summary>
    public double StandardDeviation => Math.Sqrt(Variance);
}
