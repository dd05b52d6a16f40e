namespace AutoLab.Analysis.Unsupervised;

/// <summary>Principal components of a rows x cols data set.</summary>
/// <param name="Components">k x cols, row-major: unit principal axes, largest variance first; each axis's largest-magnitude entry is positive.</param>
/// <param name="ExplainedVariance">k variances along the axes (divided by rows - 1), decreasing.</param>
/// <param name="ExplainedVarianceRatio">k fractions of the total variance (the trace of the sample covariance).</param>
/// <param name="Mean">cols column means that were subtracted.</param>
/// <param name="Scores">rows x k, row-major: the centred data projected on the axes.</param>
/// <param name="ComponentCount">k.</param>
/// <param name="Cols">Columns of the data.</param>
public sealed record PcaResult(
    float[] Components,
    float[] ExplainedVariance,
    float[] ExplainedVarianceRatio,
    float[] Mean,
    float[] Scores,
    int ComponentCount,
    int Cols);
