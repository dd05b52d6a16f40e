namespace AutoLab.Analysis.Unsupervised;

/// <summary>A factorisation X ≈ W H of a non-negative rows x cols matrix.</summary>
/// <remarks>
/// For a library of patterns (one pattern per row of X), the rows of <see cref="H"/> are the basis
/// patterns (e.g. pure-phase diffractograms) and each row of <see cref="W"/> the amounts of them in
/// one sample. <see cref="BasisMatching"/> compares bases.
/// </remarks>
/// <param name="W">rows x rank, row-major, non-negative.</param>
/// <param name="H">rank x cols, row-major, non-negative.</param>
/// <param name="Rows">Rows of X.</param>
/// <param name="Cols">Columns of X.</param>
/// <param name="Rank">Inner dimension.</param>
/// <param name="ReconstructionError">Frobenius norm of X - W H (scikit-learn's reconstruction_err_).</param>
/// <param name="Iterations">Outer sweeps run.</param>
/// <param name="Converged">True when the tolerance stopped it before the iteration limit.</param>
public sealed record NmfResult(
    float[] W,
    float[] H,
    int Rows,
    int Cols,
    int Rank,
    double ReconstructionError,
    int Iterations,
    bool Converged);
