namespace AutoLab.Analysis.Unsupervised;

/// <summary>The best one-to-one pairing of reference basis patterns with candidate patterns.</summary>
/// <param name="Assignment">For each reference pattern, the index of its candidate, or -1 when there are fewer candidates.</param>
/// <param name="Cosines">For each reference pattern, the cosine similarity with its candidate (0 when unmatched).</param>
/// <param name="MinimumCosine">The worst matched pair's cosine: "recovered with cosine ≥ 0.95" means this ≥ 0.95.</param>
/// <param name="MeanCosine">The mean over the reference patterns.</param>
public sealed record BasisMatch(int[] Assignment, double[] Cosines, double MinimumCosine, double MeanCosine);
