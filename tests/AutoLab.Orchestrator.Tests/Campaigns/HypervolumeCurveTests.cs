using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.Orchestrator.Tests.Campaigns;

/// <summary>The hypervolume curve of a campaign: normalised areas, failed experiments add nothing, and the first count that reaches a level.</summary>
public sealed class HypervolumeCurveTests
{
    const double Exact = 1e-12;

    static readonly ObjectiveDefinition[] Objectives =
    [
        new() { Name = "a", Direction = ObjectiveDirection.Maximize },
        new() { Name = "b", Direction = ObjectiveDirection.Maximize },
    ];

    [Fact]
    public void The_curve_is_the_dominated_area_of_everything_measured_so_far_in_units_of_the_scales()
    {
        Observation[] observations =
        [
            Observe(1, 5, 5),                 // (0.5, 0.5) of scale 10: area 0.25
            Observe(2, 0, 0, succeeded: false),
            Observe(3, 10, 2),                // adds (1.0 − 0.5) × 0.2 = 0.1
            Observe(4, 4, 4),                 // dominated: adds nothing
        ];

        double[] curve = HypervolumeCurve.Of(observations, Objectives, [10.0, 10.0]);

        Assert.Equal(0.25, curve[0], Exact);
        Assert.Equal(0.25, curve[1], Exact);
        Assert.Equal(0.35, curve[2], Exact);
        Assert.Equal(0.35, curve[3], Exact);
    }

    [Fact]
    public void Evaluations_to_reach_are_one_based_and_infinite_when_never_reached()
    {
        double[] curve = [0.1, 0.3, 0.3, 0.6];

        Assert.Equal(2.0, HypervolumeCurve.EvaluationsToReach(curve, 0.3));
        Assert.Equal(1.0, HypervolumeCurve.EvaluationsToReach(curve, 0.0));
        Assert.Equal(double.PositiveInfinity, HypervolumeCurve.EvaluationsToReach(curve, 0.7));
    }

    [Fact]
    public void Scales_must_be_one_positive_value_per_objective()
    {
        Assert.Throws<ArgumentException>(() => HypervolumeCurve.Of([], Objectives, [1.0]));
        Assert.Throws<ArgumentException>(() => HypervolumeCurve.Of([], Objectives, [1.0, 0.0]));
    }

    static Observation Observe(int sequence, double a, double b, bool succeeded = true) => new()
    {
        ExperimentId = Guid.NewGuid(),
        Sequence = sequence,
        Parameters = new ParameterPoint(),
        Objectives = succeeded ? new Dictionary<string, double> { ["a"] = a, ["b"] = b } : new Dictionary<string, double>(),
        Succeeded = succeeded,
    };
}
