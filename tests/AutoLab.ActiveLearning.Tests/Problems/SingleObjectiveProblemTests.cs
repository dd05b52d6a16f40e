using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Tests.Problems;

/// <summary>The single-objective benchmark problems have the minima the literature tabulates, inside their bounds.</summary>
public sealed class SingleObjectiveProblemTests
{
    // Hartmann6's minimiser is tabulated to eight digits, which bounds the value to about 1e-7.
    private const double ValueTolerance = 1e-6;

    public static TheoryData<string> Names() => [.. BenchmarkProblems.SingleObjective().Select(p => p.Name)];

    private static ISingleObjectiveProblem Get(string name) => BenchmarkProblems.SingleObjective().Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_tabulated_minimiser_attains_the_minimum_value(string name)
    {
        ISingleObjectiveProblem problem = Get(name);
        Assert.All(problem.Minimizers, x => Assert.Equal(problem.MinimumValue, problem.Value(x), ValueTolerance));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Minimisers_lie_inside_the_bounds(string name)
    {
        ISingleObjectiveProblem problem = Get(name);
        Assert.All(problem.Minimizers, x =>
        {
            Assert.Equal(problem.Dimension, x.Length);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.InRange(x[i], problem.Lower[i], problem.Upper[i]);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void No_point_of_a_grid_over_the_bounds_beats_the_minimum(string name)
    {
        ISingleObjectiveProblem problem = Get(name);
        double[] x = new double[problem.Dimension];
        for (int k = 0; k < 2000; k++)
        {
            // A deterministic low-discrepancy-ish walk: coordinate i steps by a different irrational fraction.
            for (int i = 0; i < x.Length; i++)
            {
                double u = ((k + 1) * (0.6180339887498949 + (0.1 * i))) % 1.0;
                x[i] = problem.Lower[i] + (u * (problem.Upper[i] - problem.Lower[i]));
            }

            Assert.True(problem.Value(x) >= problem.MinimumValue - ValueTolerance, $"{name} at [{string.Join(", ", x)}] is below its tabulated minimum");
        }
    }

    [Fact]
    public void Evaluate_writes_the_value_as_the_only_objective()
    {
        Branin problem = new();
        double[] f = new double[1];
        problem.Evaluate(problem.Minimizers[1], f, []);
        Assert.Equal(5.0 / (4.0 * Math.PI), f[0], ValueTolerance);
        Assert.Equal(1, problem.ObjectiveCount);
        Assert.Equal(0, problem.ConstraintCount);
    }

    [Fact]
    public void Branin_at_the_origin_matches_the_hand_computed_value()
    {
        // (0 − 0 + 0 − 6)² + 10(1 − 1/(8π))cos 0 + 10 = 36 + 10 − 10/(8π) + 10.
        Assert.Equal(56.0 - (10.0 / (8.0 * Math.PI)), new Branin().Value([0.0, 0.0]), 1e-12);
    }

    [Fact]
    public void Rosenbrock_needs_two_variables_and_Ackley_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rosenbrock(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ackley(0));
    }
}
