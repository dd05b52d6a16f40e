namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>The acquisition functions, each maximised over the unit cube.</summary>
/// <remarks>Formulas in docs/strategies.md; all act on the objective oriented so that larger is better.</remarks>
public enum AcquisitionKind
{
    /// <summary>log EI = log σ + log h((μ − f*)/σ), h(z) = φ(z) + zΦ(z): expected improvement over the incumbent f*, on a log scale so it stays informative far from it.</summary>
    ExpectedImprovement,

    /// <summary>log PI = log Φ((μ − f*)/σ): probability of improving on the incumbent.</summary>
    ProbabilityOfImprovement,

    /// <summary>UCB = μ + √β σ: optimism in the face of uncertainty (Srinivas et al. 2010).</summary>
    UpperConfidenceBound,

    /// <summary>σ²: pure exploration, for mapping rather than optimising.</summary>
    Variance,
}
