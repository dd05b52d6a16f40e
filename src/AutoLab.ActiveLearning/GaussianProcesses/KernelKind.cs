namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>The stationary covariance functions offered, both with one length scale per input (ARD).</summary>
/// <remarks>Formulas in docs/strategies.md, "Gaussian processes and Bayesian optimization" (Rasmussen and Williams 2006, eqs. 4.9 and 4.17).</remarks>
public enum KernelKind
{
    /// <summary>Matérn ν = 5/2: k(r) = (1 + √5 r + 5r²/3) exp(−√5 r); twice differentiable samples, the usual choice for BO.</summary>
    Matern52,

    /// <summary>Squared exponential (RBF): k(r) = exp(−r²/2); infinitely smooth samples.</summary>
    Rbf,
}
