namespace AutoLab.Analysis.Unsupervised;

/// <summary>A k-means clustering.</summary>
/// <param name="Labels">rows cluster indices in 0..k-1.</param>
/// <param name="Centers">k x cols, row-major.</param>
/// <param name="Inertia">Sum of squared distances of the rows to their centres.</param>
/// <param name="Iterations">Lloyd iterations of the start that was kept.</param>
public sealed record KMeansResult(int[] Labels, float[] Centers, double Inertia, int Iterations);
