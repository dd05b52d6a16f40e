namespace AutoLab.Analysis.BeamRegression;

/// <summary>Ordinary least squares y = W x + b, the "simple regression" the beam-size network is compared against.</summary>
/// <remarks>Solved from the normal equations (XᵀX) w = Xᵀy by Cholesky with a tiny ridge for safety; the inputs here
/// are a handful of gaps, so the (d+1)² system is trivially small.</remarks>
public sealed class LinearBaseline
{
    private readonly double[] _weights;
    private readonly int _inputs;
    private readonly int _outputs;

    private LinearBaseline(double[] weights, int inputs, int outputs)
    {
        _weights = weights;
        _inputs = inputs;
        _outputs = outputs;
    }

    /// <summary>Fits the baseline.</summary>
    /// <param name="x">Inputs, rows × inputs.</param>
    /// <param name="y">Targets, rows × outputs.</param>
    /// <param name="inputs">Columns of <paramref name="x"/>.</param>
    /// <param name="outputs">Columns of <paramref name="y"/>.</param>
    /// <returns>The fitted model.</returns>
    public static LinearBaseline Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int inputs, int outputs)
    {
        int rows = x.Length / inputs;
        int d = inputs + 1;
        double[] gram = new double[d * d];
        double[] rhs = new double[d * outputs];
        double[] row = new double[d];
        for (int r = 0; r < rows; r++)
        {
            x.Slice(r * inputs, inputs).CopyTo(row);
            row[inputs] = 1.0;
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    gram[(i * d) + j] += row[i] * row[j];
                }

                for (int o = 0; o < outputs; o++)
                {
                    rhs[(i * outputs) + o] += row[i] * y[(r * outputs) + o];
                }
            }
        }

        for (int i = 0; i < d; i++)
        {
            gram[(i * d) + i] += 1e-9 * (gram[(i * d) + i] + 1.0);
        }

        // Cholesky: gram = L Lᵀ, stored in the lower triangle.
        for (int j = 0; j < d; j++)
        {
            double sum = gram[(j * d) + j];
            for (int k = 0; k < j; k++)
            {
                sum -= gram[(j * d) + k] * gram[(j * d) + k];
            }

            double diagonal = Math.Sqrt(sum);
            gram[(j * d) + j] = diagonal;
            for (int i = j + 1; i < d; i++)
            {
                double s = gram[(i * d) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= gram[(i * d) + k] * gram[(j * d) + k];
                }

                gram[(i * d) + j] = s / diagonal;
            }
        }

        double[] weights = new double[d * outputs];
        for (int o = 0; o < outputs; o++)
        {
            double[] z = new double[d];
            for (int i = 0; i < d; i++)
            {
                double s = rhs[(i * outputs) + o];
                for (int k = 0; k < i; k++)
                {
                    s -= gram[(i * d) + k] * z[k];
                }

                z[i] = s / gram[(i * d) + i];
            }

            for (int i = d - 1; i >= 0; i--)
            {
                double s = z[i];
                for (int k = i + 1; k < d; k++)
                {
                    s -= gram[(k * d) + i] * weights[(k * outputs) + o];
                }

                weights[(i * outputs) + o] = s / gram[(i * d) + i];
            }
        }

        return new LinearBaseline(weights, inputs, outputs);
    }

    /// <summary>Predicts targets for a batch of inputs.</summary>
    /// <param name="x">Inputs, rows × inputs.</param>
    /// <returns>Predictions, rows × outputs.</returns>
    public double[] Predict(ReadOnlySpan<double> x)
    {
        int rows = x.Length / _inputs;
        double[] result = new double[rows * _outputs];
        for (int r = 0; r < rows; r++)
        {
            for (int o = 0; o < _outputs; o++)
            {
                double s = _weights[(_inputs * _outputs) + o];
                for (int i = 0; i < _inputs; i++)
                {
                    s += x[(r * _inputs) + i] * _weights[(i * _outputs) + o];
                }

                result[(r * _outputs) + o] = s;
            }
        }

        return result;
    }
}
