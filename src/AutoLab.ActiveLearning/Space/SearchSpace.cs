using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Space;

/// <summary>
/// A validated search space and its mapping to and from the unit cube, one coordinate per parameter in
/// definition order.
/// </summary>
/// <remarks>
/// Samplers and optimizers work in [0, 1]^d and never see units, integers or choices; this type turns
/// their vectors into <see cref="ParameterPoint"/>s and back. <seealso cref="ParameterMapping"/>
/// </remarks>
public sealed class SearchSpace
{
    /// <summary>Validates the definitions and builds the space.</summary>
    /// <param name="parameters">The campaign's parameters, in order.</param>
    /// <exception cref="SuggestionException">The space is invalid; the message lists every problem.</exception>
    public SearchSpace(IReadOnlyList<ParameterDefinition>? parameters)
    {
        IReadOnlyList<string> problems = SearchSpaceValidator.Problems(parameters);
        if (problems.Count > 0)
        {
            throw new SuggestionException($"invalid search space: {string.Join("; ", problems)}");
        }

        Parameters = [.. parameters!];
    }

    /// <summary>The parameters, in the order of the unit-cube coordinates.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>Number of parameters, which is the dimension of the unit cube.</summary>
    public int Dimension => Parameters.Count;

    /// <summary>The point at a unit-cube vector.</summary>
    /// <param name="unit">One coordinate in [0, 1] per parameter.</param>
    /// <returns>Numeric parameters in <see cref="ParameterPoint.Values"/>, categorical ones in <see cref="ParameterPoint.Choices"/>.</returns>
    public ParameterPoint FromUnit(ReadOnlySpan<double> unit)
    {
        if (unit.Length != Dimension)
        {
            throw new ArgumentException($"unit vector has {unit.Length} coordinates; the space has {Dimension} parameters", nameof(unit));
        }

        Dictionary<string, double> values = new(StringComparer.Ordinal);
        Dictionary<string, string> choices = new(StringComparer.Ordinal);
        for (int i = 0; i < Dimension; i++)
        {
            ParameterDefinition parameter = Parameters[i];
            if (parameter.Kind == ParameterKind.Categorical)
            {
                choices[parameter.Name] = ParameterMapping.ToChoice(parameter, unit[i]);
            }
            else
            {
                values[parameter.Name] = ParameterMapping.ToValue(parameter, unit[i]);
            }
        }

        return new ParameterPoint { Values = values, Choices = choices };
    }

    /// <summary>The unit-cube vector of a point, e.g. of an observation an optimizer learns from.</summary>
    /// <param name="point">A point with a value or choice for every parameter; extra entries are ignored.</param>
    /// <returns>One coordinate in [0, 1] per parameter.</returns>
    /// <exception cref="ArgumentException">A parameter is missing, out of bounds or not one of its choices.</exception>
    public double[] ToUnit(ParameterPoint point)
    {
        double[] unit = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            ParameterDefinition parameter = Parameters[i];
            if (parameter.Kind == ParameterKind.Categorical)
            {
                unit[i] = point.Choices.TryGetValue(parameter.Name, out string? choice)
                    ? ParameterMapping.FromChoice(parameter, choice)
                    : throw new ArgumentException($"point has no choice for parameter '{parameter.Name}'", nameof(point));
            }
            else
            {
                unit[i] = point.Values.TryGetValue(parameter.Name, out double value)
                    ? ParameterMapping.FromValue(parameter, value)
                    : throw new ArgumentException($"point has no value for parameter '{parameter.Name}'", nameof(point));
            }
        }

        return unit;
    }
}
