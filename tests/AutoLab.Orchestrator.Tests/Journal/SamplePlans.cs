using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Tests.Journal;

/// <summary>Small campaign plans and points used across the journal and run-folder tests.</summary>
public static class SamplePlans
{
    /// <summary>x1 in mm, n (integer), solvent (categorical, one choice has a comma); yield in % (maximize), cost (minimize).</summary>
    public static CampaignPlan Mixed(ObjectiveDirection firstDirection = ObjectiveDirection.Maximize) => new()
    {
        Name = "mixed",
        Space =
        [
            new ParameterDefinition { Name = "x1", Kind = ParameterKind.Continuous, Lower = 0, Upper = 10, Unit = "mm" },
            new ParameterDefinition { Name = "n", Kind = ParameterKind.Integer, Lower = 1, Upper = 5 },
            new ParameterDefinition { Name = "solvent", Kind = ParameterKind.Categorical, Choices = ["water", "ethanol, 95%"] },
        ],
        Objectives =
        [
            new ObjectiveDefinition { Name = "yield", Direction = firstDirection, Unit = "%" },
            new ObjectiveDefinition { Name = "cost", Direction = ObjectiveDirection.Minimize },
        ],
        Steps =
        [
            new StepPlan { Step = ExperimentStep.Prepare, Instrument = "robot" },
            new StepPlan { Step = ExperimentStep.Measure, Instrument = "xrd" },
            new StepPlan { Step = ExperimentStep.Analyze, Instrument = "analysis" },
        ],
        Envelope = [new EnvelopeLimit { Instrument = "xrd", Parameter = "x1", Maximum = 9.5 }],
        Strategy = new StrategyPlan { Name = "random" },
        Budget = 20,
        BatchSize = 2,
        Seed = 42,
    };

    public static ParameterPoint Point(double x1, double n = 1, string solvent = "water") => new()
    {
        Values = new Dictionary<string, double> { ["x1"] = x1, ["n"] = n },
        Choices = new Dictionary<string, string> { ["solvent"] = solvent },
    };
}
