using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Tests.Problems;

/// <summary>The ZDT and DTLZ2 problems have the Pareto fronts of their closed forms.</summary>
public sealed class MultiObjectiveProblemTests
{
    private const double FrontTolerance = 1e-12;

    // A front sampled with 2001 points under-estimates the hypervolume by at most about 1/2001 of the f1 range.
    private const double SampledFrontHypervolumeTolerance = 1e-3;

    public static TheoryData<string> Names() => [.. BenchmarkProblems.MultiObjective().Select(p => p.Name)];

    private static IMultiObjectiveProblem Get(string name) => BenchmarkProblems.MultiObjective().Single(p => p.Name == name);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.81)]
    [InlineData(1.0)]
    public void Zdt1_with_a_zero_tail_lies_on_f2_equals_one_minus_root_f1(double f1)
    {
        Zdt1 problem = new();
        double[] x = new double[30];
        x[0] = f1;
        double[] f = new double[2];
        problem.Evaluate(x, f, []);

        Assert.Equal(f1, f[0]);
        Assert.Equal(1.0 - Math.Sqrt(f1), f[1], FrontTolerance);
        Assert.True(problem.IsOnFront(f, FrontTolerance));
    }

    [Fact]
    public void Zdt1_off_the_front_has_g_above_one()
    {
        // x = (0.25, 1, …, 1): g = 1 + 9 = 10, f2 = 10(1 − √(0.025)).
        double[] x = Enumerable.Repeat(1.0, 30).ToArray();
        x[0] = 0.25;
        double[] f = new double[2];
        new Zdt1().Evaluate(x, f, []);
        Assert.Equal(10.0 * (1.0 - Math.Sqrt(0.025)), f[1], FrontTolerance);
        Assert.False(new Zdt1().IsOnFront(f, 1e-6));
    }

    [Fact]
    public void Zdt2_front_is_one_minus_f1_squared()
    {
        double[] x = new double[30];
        x[0] = 0.6;
        double[] f = new double[2];
        new Zdt2().Evaluate(x, f, []);
        Assert.Equal(1.0 - 0.36, f[1], FrontTolerance);
    }

    [Fact]
    public void Zdt3_front_points_lie_in_its_five_pieces_and_a_gap_is_not_on_the_front()
    {
        Zdt3 problem = new();
        Assert.All(problem.ParetoFront(200), f => Assert.True(problem.IsOnFront(f, FrontTolerance)));

        // f1 = 0.13 lies between the first and second pieces.
        double f1 = 0.13;
        Assert.False(problem.IsOnFront([f1, 1.0 - Math.Sqrt(f1) - (f1 * Math.Sin(10.0 * Math.PI * f1))], 1e-6));
    }

    [Fact]
    public void Dtlz2_with_a_centred_tail_lies_on_the_unit_sphere()
    {
        Dtlz2 problem = new();
        double[] x = Enumerable.Repeat(0.5, 12).ToArray();
        x[0] = 0.3;
        x[1] = 0.8;
        double[] f = new double[3];
        problem.Evaluate(x, f, []);

        // f1 = cos θ1 cos θ2, f2 = cos θ1 sin θ2, f3 = sin θ1 with θ = xπ/2.
        Assert.Equal(Math.Cos(0.15 * Math.PI) * Math.Cos(0.4 * Math.PI), f[0], FrontTolerance);
        Assert.Equal(Math.Cos(0.15 * Math.PI) * Math.Sin(0.4 * Math.PI), f[1], FrontTolerance);
        Assert.Equal(Math.Sin(0.15 * Math.PI), f[2], FrontTolerance);
        Assert.True(problem.IsOnFront(f, FrontTolerance));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sampled_fronts_are_on_the_front_and_mutually_non_dominated(string name)
    {
        IMultiObjectiveProblem problem = Get(name);
        double[][] front = problem.ParetoFront(100);
        Assert.All(front, f => Assert.True(problem.IsOnFront(f, 1e-9), $"[{string.Join(", ", f)}] is off the front"));
        for (int i = 0; i < front.Length; i++)
        {
            for (int j = 0; j < front.Length; j++)
            {
                Assert.False(i != j && Dominance.Dominates(front[i], front[j]), $"front point {i} dominates {j}");
            }
        }
    }

    [Theory]
    [InlineData("zdt1", 0.21 + (2.0 / 3.0))]
    [InlineData("zdt2", 0.21 + (1.0 / 3.0))]
    public void Hypervolume_of_a_dense_ZDT_front_approaches_the_integral(string name, double exact)
    {
        double hv = Hypervolume.Compute(Get(name).ParetoFront(2001), [1.1, 1.1]);
        Assert.InRange(hv, exact - SampledFrontHypervolumeTolerance, exact);
    }

    [Fact]
    public void Hypervolume_of_a_dense_DTLZ2_front_approaches_the_cube_minus_the_sphere_octant()
    {
        double exact = (1.1 * 1.1 * 1.1) - (Math.PI / 6.0);
        double hv = Hypervolume.Compute(new Dtlz2().ParetoFront(10_000), [1.1, 1.1, 1.1]);

        // A 100 × 100 angle grid misses the thin slivers between grid points (about 0.7 % of the volume); a wrong front would miss far more.
        Assert.InRange(hv, exact - 0.01, exact);
    }

    [Fact]
    public void Dtlz2_needs_as_many_variables_as_objectives()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dtlz2(3, 2));
        Assert.Equal(12, new Dtlz2().Dimension);
    }
}
