namespace AutoLab.Analysis.Unsupervised;

/// <summary>A fitted Gaussian mixture with full covariances.</summary>
/// <param name="Weights">k mixing weights (sum 1).</param>
/// <param name="Means">k x cols, row-major.</param>
/// <param name="Covariances">k x cols x cols, row-major.</param>
/// <param name="Responsibilities">rows x k posterior membership probabilities.</param>
/// <param name="MeanLogLikelihood">Mean log-likelihood per sample (natural log).</param>
/// <param name="Iterations">EM iterations.</param>
/// <param name="Rows">Samples the mixture was fitted to (for <see cref="Bic"/>).</param>
/// <param name="Cols">Features.</param>
public sealed record GaussianMixtureResult(
    float[] Weights,
    float[] Means,
    float[] Covariances,
    float[] Responsibilities,
    double MeanLogLikelihood,
    int Iterations,
    int Rows,
    int Cols)
{
    /// <summary>Components.</summary>
    public int Components => Weights.Length;

    /// <summary>Free parameters: k - 1 weights, k d means, k d (d + 1) / 2 covariance entries.</summary>
    public long ParameterCount => Components - 1 + ((long)Components * Cols) + ((long)Components * Cols * (Cols + 1) / 2);

    /// <summary>
    /// Bayesian information criterion, -2 log L + p ln n (Schwarz 1978), as scikit-learn's bic();
    /// lower is better when comparing numbers of components.
    /// </summary>
    public double Bic => (-2.0 * MeanLogLikelihood * Rows) + (ParameterCount * Math.Log(Rows));

    /// <summary>The most probable component of every row.</summary>
    /// <returns>rows indices in 0..k-1.</returns>
    public int[] Labels()
    {
        int k = Components;
        int[] labels = new int[Rows];
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> row = Responsibilities.AsSpan(r * k, k);
            int best = 0;
            for (int c = 1; c < k; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            labels[r] = best;
        }

        return labels;
    }
}
