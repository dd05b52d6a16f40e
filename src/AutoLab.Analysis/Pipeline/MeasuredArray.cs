namespace AutoLab.Analysis.Pipeline;

/// <summary>A measured array read from its data file: an axis and one value per axis point.</summary>
/// <param name="Path">The file it was read from (absolute), for messages.</param>
/// <param name="AxisName">Name of the axis column, e.g. "two_theta" or "q".</param>
/// <param name="Key">The data key, e.g. "pattern".</param>
/// <param name="Axis">Axis values, in file order.</param>
/// <param name="Values">Values, in file order.</param>
public sealed record MeasuredArray(string Path, string AxisName, string Key, double[] Axis, double[] Values)
{
    /// <summary>Checks values that are counts or intensities: finite and not negative, on a finite, strictly increasing axis.</summary>
    /// <param name="what">What the values are, for messages, e.g. "counts".</param>
    /// <param name="minimumPoints">The fewest points the model can use.</param>
    /// <exception cref="AnalysisException">The first bad point, naming the file and the 0-based index.</exception>
    public void RequireCounts(string what, int minimumPoints)
    {
        if (Values.Length < minimumPoints)
        {
            throw new AnalysisException($"{Path}: {Values.Length} points, but at least {minimumPoints} are needed");
        }

        for (int i = 0; i < Values.Length; i++)
        {
            if (!double.IsFinite(Axis[i]))
            {
                throw new AnalysisException($"{Path}: {AxisName}[{i}] is {Axis[i]}; the axis must be finite");
            }

            if (i > 0 && !(Axis[i] > Axis[i - 1]))
            {
                throw new AnalysisException($"{Path}: {AxisName}[{i}] = {Axis[i]} does not increase from {AxisName}[{i - 1}] = {Axis[i - 1]}");
            }

            if (!double.IsFinite(Values[i]))
            {
                throw new AnalysisException($"{Path}: {what}[{i}] is {Values[i]} (at {AxisName} = {Axis[i]}); {what} must be finite");
            }

            if (Values[i] < 0)
            {
                throw new AnalysisException($"{Path}: {what}[{i}] is negative ({Values[i]} at {AxisName} = {Axis[i]}); {what} cannot be negative");
            }
        }
    }
}
