using System.Globalization;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>Argument checks shared by the unsupervised wrappers, done in C# before any native call.</summary>
/// <remarks>
/// The shim checks the same things, but an <see cref="ArgumentException"/> naming the argument and the
/// offending row and column is what a caller can act on, and it costs no library load.
/// </remarks>
internal static class MatrixChecks
{
    /// <summary>Checks the shape, and that every entry is finite (and non-negative when asked).</summary>
    /// <param name="x">Row-major data.</param>
    /// <param name="rows">Rows (samples, e.g. patterns).</param>
    /// <param name="cols">Columns (features, e.g. 2-theta points).</param>
    /// <param name="nonNegative">Whether negative entries are refused (NMF's counts and intensities).</param>
    /// <param name="xName">The caller's name for <paramref name="x"/>.</param>
    public static void Check(ReadOnlySpan<float> x, int rows, int cols, bool nonNegative, string xName = "x")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        if ((long)rows * cols != x.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{xName} has {x.Length} values but rows x cols = {rows} x {cols} = {(long)rows * cols}."),
                xName);
        }

        for (int i = 0; i < x.Length; i++)
        {
            float value = x[i];
            if (!float.IsFinite(value))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{xName} row {i / cols}, column {i % cols} is {value}; every value must be finite."),
                    xName);
            }

            if (nonNegative && value < 0f)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{xName} row {i / cols}, column {i % cols} is {value}; NMF needs non-negative entries (counts or intensities)."),
                    xName);
            }
        }
    }

    /// <summary>Throws unless the device name is non-blank (the shim resolves and validates it).</summary>
    /// <param name="device">"cpu", "cuda", "cuda:N" or "auto".</param>
    public static void CheckDevice(string device) => ArgumentException.ThrowIfNullOrWhiteSpace(device);
}
