using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on the search space: unique valid names, ordered finite bounds, integral integer bounds, unique choices.</summary>
internal static class SpaceRules
{
    public static void Check(SpecRuleContext context)
    {
        IReadOnlyList<ParameterDefinition> space = context.Spec.Space;
        if (space.Count == 0)
        {
            context.Report("space", "the search space needs at least one parameter");
        }

        // Names are compared ignoring case: the bus reads parameter maps case-insensitively, so
        // "T_anneal" and "t_anneal" would collide in every message.
        Dictionary<string, (string Name, string Path)> seen = new(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < space.Count; i++)
        {
            string path = SpecPath.Index("space", i);
            ParameterDefinition parameter = space[i];
            string namePath = SpecPath.Key(path, "name");
            if (context.IsSound(namePath))
            {
                context.CheckName(namePath, parameter.Name, "parameter");
                if (parameter.Name.Length > 0 && !seen.TryAdd(parameter.Name, (parameter.Name, namePath)))
                {
                    (string first, string firstPath) = seen[parameter.Name];
                    string where = $"{SpecPath.Parent(firstPath)}{context.LineOf(firstPath)}";
                    context.Report(namePath, first == parameter.Name
                        ? $"parameter '{parameter.Name}' is already defined in {where}"
                        : $"parameter '{parameter.Name}' differs from '{first}' ({where}) only in letter case; messages match names ignoring case, so rename one");
                }
            }

            if (!context.IsSound(SpecPath.Key(path, "type")))
            {
                continue;
            }

            if (parameter.Kind == ParameterKind.Categorical)
            {
                CheckChoices(context, SpecPath.Key(path, "choices"), parameter.Choices);
            }
            else
            {
                CheckBounds(context, SpecPath.Key(path, "bounds"), parameter);
            }
        }
    }

    private static void CheckBounds(SpecRuleContext context, string path, ParameterDefinition parameter)
    {
        (double lower, double upper) = (parameter.Lower, parameter.Upper);
        if (!double.IsFinite(lower) || !double.IsFinite(upper))
        {
            context.Report(path, $"bounds must be finite numbers, found [{SpecRuleContext.Number(lower)}, {SpecRuleContext.Number(upper)}]");
            return;
        }

        if (parameter.Kind == ParameterKind.Integer && (lower != Math.Floor(lower) || upper != Math.Floor(upper)))
        {
            context.Report(path, $"an integer parameter needs whole-number bounds, found [{SpecRuleContext.Number(lower)}, {SpecRuleContext.Number(upper)}]");
            return;
        }

        if (!(lower < upper))
        {
            context.Report(path, $"lower bound {SpecRuleContext.Number(lower)} is not below upper bound {SpecRuleContext.Number(upper)}");
        }
    }

    private static void CheckChoices(SpecRuleContext context, string path, IReadOnlyList<string> choices)
    {
        if (choices.Count == 0)
        {
            context.Report(path, "a categorical parameter needs at least one choice");
            return;
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        for (int i = 0; i < choices.Count; i++)
        {
            string choicePath = SpecPath.Index(path, i);
            if (choices[i].Length == 0)
            {
                context.Report(choicePath, "a choice must not be empty");
            }
            else if (!seen.Add(choices[i]))
            {
                context.Report(choicePath, $"choice '{choices[i]}' appears more than once");
            }
        }
    }
}
