using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Assertions on load results that print every error when they fail.</summary>
internal static class SpecAssert
{
    /// <summary>Asserts an error at exactly this line, column and path whose message contains <paramref name="fragment"/>.</summary>
    public static SpecError HasError(SpecLoadResult result, int line, int column, string path, string fragment)
    {
        SpecError? match = result.Errors.FirstOrDefault(e =>
            e.Line == line && e.Column == column && e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
        if (match is null)
        {
            Assert.Fail($"expected an error at {line}:{column} {path} containing \"{fragment}\"; got:{Environment.NewLine}{Describe(result)}");
        }

        return match;
    }

    /// <summary>Asserts that the result holds exactly one error, and returns it.</summary>
    public static SpecError SingleError(SpecLoadResult result)
    {
        if (result.Errors.Count != 1)
        {
            Assert.Fail($"expected exactly one error; got {result.Errors.Count}:{Environment.NewLine}{Describe(result)}");
        }

        return result.Errors[0];
    }

    /// <summary>Asserts the spec is valid and compiled, and returns the plan.</summary>
    public static CampaignPlan Valid(SpecLoadResult result)
    {
        if (!result.IsValid)
        {
            Assert.Fail($"expected a valid spec; got:{Environment.NewLine}{Describe(result)}");
        }

        return result.Plan;
    }

    /// <summary>Asserts the spec is valid and compiled, and returns the spec as loaded.</summary>
    public static CampaignSpec ValidSpec(SpecLoadResult result)
    {
        Valid(result);
        return result.Spec!;
    }

    private static string Describe(SpecLoadResult result) =>
        result.Errors.Count == 0 ? "(no errors)" : string.Join(Environment.NewLine, SpecErrorFormatter.FormatAll(result));
}
