using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Tests;

/// <summary>Search spaces and requests shared by the strategy tests.</summary>
internal static class Spaces
{
    public static ParameterDefinition Continuous(string name, double lower, double upper) =>
        new() { Name = name, Kind = ParameterKind.Continuous, Lower = lower, Upper = upper };

    public static ParameterDefinition Integer(string name, double lower, double upper) =>
        new() { Name = name, Kind = ParameterKind.Integer, Lower = lower, Upper = upper };

    public static ParameterDefinition Categorical(string name, params string[] choices) =>
        new() { Name = name, Kind = ParameterKind.Categorical, Choices = choices };

    /// <summary>Branin's domain, in the units of the test function.</summary>
    public static SearchSpace Branin() => new([Continuous("x1", -5, 10), Continuous("x2", 0, 15)]);

    /// <summary>A unit cube of <paramref name="dimension"/> continuous parameters x0, x1, …</summary>
    public static SearchSpace UnitCube(int dimension) =>
        new([.. Enumerable.Range(0, dimension).Select(i => Continuous($"x{i}", 0, 1))]);

    /// <summary>One parameter of every kind.</summary>
    public static SearchSpace Mixed() => new(
    [
        Continuous("temperature", 300, 900),
        Integer("cycles", 1, 8),
        Categorical("solvent", "water", "ethanol", "toluene"),
    ]);

    public static SuggestionRequest Request(
        SearchSpace space,
        int count,
        int suggestedSoFar = 0,
        long seed = 42,
        int budget = 0,
        IReadOnlyDictionary<string, string>? options = null,
        IReadOnlyList<LinearConstraint>? constraints = null) => new()
        {
            Space = space,
            Count = count,
            SuggestedSoFar = suggestedSoFar,
            Seed = seed,
            Budget = budget,
            Options = new StrategyOptions(options),
            Constraints = constraints is null ? ConstraintSet.None : new ConstraintSet(constraints, space),
        };
}
