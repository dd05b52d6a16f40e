namespace AutoLab.Analysis.Unsupervised;

/// <summary>How <see cref="Nmf"/> starts W and H.</summary>
public enum NmfInit
{
    /// <summary>|N(0, 1)| scaled by sqrt(mean(X) / rank), from the seed (scikit-learn's "random").</summary>
    Random = 0,

    /// <summary>
    /// Non-negative double SVD with zeros filled by mean(X) (Boutsidis and Gallopoulos 2008;
    /// scikit-learn's "nndsvda"): deterministic, and usually the fastest to converge.
    /// </summary>
    Nndsvda = 1,
}
