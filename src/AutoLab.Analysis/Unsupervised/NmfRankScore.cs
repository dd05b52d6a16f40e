namespace AutoLab.Analysis.Unsupervised;

/// <summary>How one candidate rank fared in NMFk.</summary>
/// <param name="Rank">The rank.</param>
/// <param name="Stability">Mean cosine silhouette of all rank x restarts basis patterns in their clusters (1 = every start found the same patterns).</param>
/// <param name="MinimumClusterSilhouette">The least stable cluster's mean silhouette; the selection rule uses this.</param>
/// <param name="RelativeError">‖X - W H‖ / ‖X‖ of the best restart.</param>
/// <param name="ReconstructionError">‖X - W H‖ of the best restart.</param>
public sealed record NmfRankScore(int Rank, double Stability, double MinimumClusterSilhouette, double RelativeError, double ReconstructionError);
