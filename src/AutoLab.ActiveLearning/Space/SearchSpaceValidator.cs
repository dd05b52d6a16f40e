using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Space;

/// <summary>Checks a campaign's search space before anything is sampled from it.</summary>
public static class SearchSpaceValidator
{
    // Above 2^53 consecutive integers are no longer all representable as doubles.
    private const double LargestExactInteger = 9007199254740992.0;

    /// <summary>Every problem of a space, each naming the parameter concerned; empty when the space is valid.</summary>
    /// <param name="parameters">The space's parameter definitions.</param>
    /// <returns>Human-readable problems in parameter order.</returns>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ParameterDefinition>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return ["the search space has no parameters"];
        }

        List<string> problems = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        for (int i = 0; i < parameters.Count; i++)
        {
            ParameterDefinition? parameter = parameters[i];
            if (parameter is null || string.IsNullOrWhiteSpace(parameter.Name))
            {
                problems.Add($"parameter #{i + 1} has no name");
                continue;
            }

            if (!seen.Add(parameter.Name))
            {
                problems.Add($"parameter name '{parameter.Name}' is used more than once");
            }

            problems.AddRange(ProblemsOf(parameter));
        }

        return problems;
    }

    private static IEnumerable<string> ProblemsOf(ParameterDefinition parameter)
    {
        string name = parameter.Name;
        switch (parameter.Kind)
        {
            case ParameterKind.Continuous:
            case ParameterKind.Integer:
                if (!double.IsFinite(parameter.Lower) || !double.IsFinite(parameter.Upper))
                {
                    yield return $"parameter '{name}': bounds must be finite, got [{parameter.Lower}, {parameter.Upper}]";
                    yield break;
                }

                if (!(parameter.Lower < parameter.Upper))
                {
                    yield return $"parameter '{name}': lower bound {parameter.Lower} must be below upper bound {parameter.Upper}";
                }

                if (parameter.Kind == ParameterKind.Integer)
                {
                    if (Math.Floor(parameter.Lower) != parameter.Lower || Math.Floor(parameter.Upper) != parameter.Upper)
                    {
                        yield return $"parameter '{name}': integer bounds must be whole numbers, got [{parameter.Lower}, {parameter.Upper}]";
                    }
                    else if (Math.Abs(parameter.Lower) > LargestExactInteger || Math.Abs(parameter.Upper) > LargestExactInteger)
                    {
                        yield return $"parameter '{name}': integer bounds must lie within ±2^53, got [{parameter.Lower}, {parameter.Upper}]";
                    }
                }

                break;

            case ParameterKind.Categorical:
                foreach (string problem in ChoiceProblems(parameter))
                {
                    yield return problem;
                }

                break;

            default:
                yield return $"parameter '{name}': unknown kind {(int)parameter.Kind}";
                break;
        }
    }

    private static IEnumerable<string> ChoiceProblems(ParameterDefinition parameter)
    {
        if (parameter.Choices is null || parameter.Choices.Count == 0)
        {
            yield return $"parameter '{parameter.Name}': a categorical parameter needs at least one choice";
            yield break;
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        for (int i = 0; i < parameter.Choices.Count; i++)
        {
            string choice = parameter.Choices[i];
            if (string.IsNullOrEmpty(choice))
            {
                yield return $"parameter '{parameter.Name}': choice #{i + 1} is empty";
            }
            else if (!seen.Add(choice))
            {
                yield return $"parameter '{parameter.Name}': choice '{choice}' is listed more than once";
            }
        }
    }
}
