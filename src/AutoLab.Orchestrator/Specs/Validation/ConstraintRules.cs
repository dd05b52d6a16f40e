using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on linear constraints: they name numeric parameters, have finite numbers, and can be met within the bounds.</summary>
internal static class ConstraintRules
{
    public static void Check(SpecRuleContext context)
    {
        IReadOnlyList<LinearConstraint> constraints = context.Spec.Constraints;
        for (int i = 0; i < constraints.Count; i++)
        {
            string path = SpecPath.Index("constraints", i);
            LinearConstraint constraint = constraints[i];
            string coefficientsPath = SpecPath.Key(path, "coefficients");
            if (constraint.Coefficients.Count == 0)
            {
                context.Report(coefficientsPath, "a constraint needs at least one coefficient");
            }

            bool usable = context.IsSound(coefficientsPath);
            foreach ((string name, double coefficient) in constraint.Coefficients)
            {
                string coefficientPath = SpecPath.Key(coefficientsPath, name);
                if (!context.IsNumeric(name, out ParameterDefinition? parameter))
                {
                    context.Report(coefficientPath, context.NotNumeric(name, parameter));
                    usable = false;
                }
                else if (!double.IsFinite(coefficient))
                {
                    context.Report(coefficientPath, $"coefficient of '{name}' must be a finite number, found {SpecRuleContext.Number(coefficient)}");
                    usable = false;
                }
            }

            string upperPath = SpecPath.Key(path, "upper");
            if (!double.IsFinite(constraint.UpperBound))
            {
                context.Report(upperPath, $"upper must be a finite number, found {SpecRuleContext.Number(constraint.UpperBound)}");
            }
            else if (usable && context.IsSound(upperPath) && SmallestValue(context, constraint) is { } smallest && smallest > constraint.UpperBound)
            {
                string label = constraint.Label.Length > 0 ? $" '{constraint.Label}'" : "";
                context.Report(path, $"constraint{label} can never be met: its smallest value within the parameter bounds is {SpecRuleContext.Number(smallest)}, above upper {SpecRuleContext.Number(constraint.UpperBound)}");
            }
        }
    }

    /// <summary>The minimum of Σ c·x over the bounds box, or null when some bounds are not trustworthy.</summary>
    private static double? SmallestValue(SpecRuleContext context, LinearConstraint constraint)
    {
        double sum = 0;
        foreach ((string name, double coefficient) in constraint.Coefficients)
        {
            int index = context.IndexOfParameter(name);
            ParameterDefinition parameter = context.Spec.Space[index];
            string parameterPath = SpecPath.Index("space", index);
            if (!context.IsSound(SpecPath.Key(parameterPath, "bounds")) || !context.IsSound(SpecPath.Key(parameterPath, "type"))
                || !double.IsFinite(parameter.Lower) || !double.IsFinite(parameter.Upper) || parameter.Lower > parameter.Upper)
            {
                return null;
            }

            sum += coefficient * (coefficient >= 0 ? parameter.Lower : parameter.Upper);
        }

        return sum;
    }
}
