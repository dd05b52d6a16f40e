using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>"ehvi" keeps the multi-objective contract (<see cref="MultiObjectiveStrategyContract"/>) with both objectives minimised.</summary>
public class ExpectedHypervolumeImprovementStrategyTests : MultiObjectiveStrategyContract
{
    private static readonly ObjectiveDefinition[] BothMinimized =
    [
        new() { Name = "f1", Direction = ObjectiveDirection.Minimize },
        new() { Name = "f2", Direction = ObjectiveDirection.Minimize },
    ];

    /// <inheritdoc />
    protected override ISuggestionStrategy Strategy { get; } = new ExpectedHypervolumeImprovementStrategy();

    /// <inheritdoc />
    protected override string Name => "ehvi";

    /// <inheritdoc />
    protected override SuggestionRequest Zdt1Request(int count, long seed) => Zdt1Request(count, seed, BothMinimized);
}
