using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>Monte-Carlo dropout statistics of a regression network (Gal and Ghahramani, ICML 2016).</summary>
internal static class MonteCarloDropout
{
    /// <summary>Mean and standard deviation of log10 sizes over Monte-Carlo-dropout passes, in physical (log10) units.</summary>
    public static double[][] Moments(TorchNetwork network, Standardizer scaler, int samples, ReadOnlySpan<float> inputs, int rows, out double[][] deviations)
    {
        int outputs = network.Spec.Outputs;
        double[] physical = scaler.Inverse(network.Predict(inputs, rows, samples));
        double[][] means = new double[rows][];
        deviations = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            means[r] = new double[outputs];
            deviations[r] = new double[outputs];
            for (int k = 0; k < outputs; k++)
            {
                double sum = 0.0, squares = 0.0;
                for (int s = 0; s < samples; s++)
                {
                    double value = physical[((((long)s * rows) + r) * outputs) + k];
                    sum += value;
                    squares += value * value;
                }

                double mean = sum / samples;
                means[r][k] = mean;
                deviations[r][k] = Math.Sqrt(Math.Max(0.0, (squares / samples) - (mean * mean)) * samples / (samples - 1));
            }
        }

        return means;
    }

}
