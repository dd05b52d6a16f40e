using AutoLab.Analysis.Metrics;

namespace AutoLab.Analysis.Tests.Metrics;

/// <summary>Top-1 accuracy, arg-max, fraction MAE and the confusion matrix count what they say.</summary>
public class ClassificationMetricsTests
{
    private const double Exact = 1e-12;
    private const double FloatRounding = 1e-6;

    [Fact]
    public void Top_one_accuracy_is_the_share_of_matching_labels()
    {
        Assert.Equal(0.75, ClassificationMetrics.TopOneAccuracy([0, 1, 2, 2], [0, 1, 2, 0]), Exact);
    }

    [Fact]
    public void Arg_max_picks_the_largest_column_of_each_row()
    {
        int[] best = ClassificationMetrics.ArgMax([0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f], 3);

        Assert.Equal([1, 0], best);
    }

    [Fact]
    public void Fraction_mae_over_present_phases_ignores_absent_columns()
    {
        float[] truth = [0.6f, 0.4f, 0f, 1f, 0f, 0f];
        float[] predicted = [0.5f, 0.5f, 0f, 0.9f, 0.1f, 0f];

        Assert.Equal(0.4 / 6.0, FractionMetrics.MeanAbsoluteError(predicted, truth, 3), FloatRounding);
        Assert.Equal(0.3 / 3.0, FractionMetrics.MeanAbsoluteError(predicted, truth, 3, onlyPresent: true), FloatRounding);
    }

    [Fact]
    public void Confusion_matrix_counts_true_rows_against_predicted_columns()
    {
        ConfusionMatrix matrix = new(["a", "b"]);
        matrix.Add(0, 0);
        matrix.Add(0, 1);
        matrix.Add(1, 1);
        matrix.Add(1, 1);

        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(2, matrix[1, 1]);
        Assert.Equal(0.75, matrix.Accuracy, Exact);
        Assert.Contains("a", matrix.ToString(), StringComparison.Ordinal);
    }
}
