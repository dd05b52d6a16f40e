using System.Globalization;
using System.Text;

namespace AutoLab.Analysis.Metrics;

/// <summary>Counts of (true class, predicted class) pairs.</summary>
/// <remarks>Rows are true classes, columns predicted ones; the diagonal holds the correct predictions.</remarks>
public sealed class ConfusionMatrix
{
    private readonly int[] _counts;

    /// <summary>Creates an empty matrix.</summary>
    /// <param name="labels">Class names, in class-index order.</param>
    /// <exception cref="ArgumentException">No labels.</exception>
    public ConfusionMatrix(IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
        {
            throw new ArgumentException("a confusion matrix needs at least one class", nameof(labels));
        }

        Labels = labels;
        _counts = new int[labels.Count * labels.Count];
    }

    /// <summary>Class names.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of samples recorded.</summary>
    public int Total { get; private set; }

    /// <summary>The count of samples of class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    /// <param name="truth">True class.</param>
    /// <param name="predicted">Predicted class.</param>
    /// <returns>The count.</returns>
    public int this[int truth, int predicted] => _counts[(truth * Labels.Count) + predicted];

    /// <summary>Records one sample.</summary>
    /// <param name="truth">True class index.</param>
    /// <param name="predicted">Predicted class index.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the classes.</exception>
    public void Add(int truth, int predicted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(truth);
        ArgumentOutOfRangeException.ThrowIfNegative(predicted);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(truth, Labels.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, Labels.Count);
        _counts[(truth * Labels.Count) + predicted]++;
        Total++;
    }

    /// <summary>Share of recorded samples on the diagonal (0 when empty).</summary>
    public double Accuracy
    {
        get
        {
            int diagonal = 0;
            for (int c = 0; c < Labels.Count; c++)
            {
                diagonal += this[c, c];
            }

            return Total == 0 ? 0.0 : (double)diagonal / Total;
        }
    }

    /// <summary>The counts as rows (true class) of columns (predicted class).</summary>
    /// <returns>A copy of the counts.</returns>
    public int[][] ToRows() =>
        [.. Enumerable.Range(0, Labels.Count).Select(r => _counts.AsSpan(r * Labels.Count, Labels.Count).ToArray())];

    /// <summary>A plain-text table, one row per true class.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"{"true \\ predicted",-18}");
        foreach (string label in Labels)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Short(label),8}");
        }

        text.AppendLine();
        for (int r = 0; r < Labels.Count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Short(Labels[r]),-18}");
            for (int c = 0; c < Labels.Count; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $" {this[r, c],8}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Short(string label) => label.Length <= 18 ? label : label[..18];
}
