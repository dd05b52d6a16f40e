using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>The real-coded GA finds known minima, respects constraints by constraint domination, and is reproducible.</summary>
public sealed class GeneticAlgorithmTests
{
    // Branin's minimum is 0.3979; a GA of 40 × 100 gets within a few thousandths on every seed tried.
    private const double BraninRegretTolerance = 5e-3;

    // The constrained optimum is on the boundary x = 1, where f = 1; after 100 generations of 20 the best
    // feasible child is within a few thousandths of it (x within about 1e-3).
    private const double BoundaryTolerance = 5e-3;

    [Fact]
    public void The_GA_gets_within_five_thousandths_of_Branins_minimum()
    {
        Branin problem = new();
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new GeneticAlgorithm(problem, new GeneticOptions { PopulationSize = 40 }, seed: 3),
            Termination.MaxGenerations(100));

        Assert.True(result.BestObjective - problem.MinimumValue < BraninRegretTolerance, $"best {result.BestObjective}");
        Assert.True(result.Success);
        Assert.Equal(4000, result.Evaluations);
    }

    [Fact]
    public void A_target_value_stops_the_run_early_and_says_so()
    {
        Branin problem = new();
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new GeneticAlgorithm(problem, new GeneticOptions { PopulationSize = 40 }, seed: 3),
            Termination.Any(Termination.MaxGenerations(500), Termination.TargetValue(0.5)));

        Assert.Equal(ExitReason.TargetReached, result.ExitReason);
        Assert.True(result.Generations < 500);
        Assert.True(result.BestObjective <= 0.5);
        Assert.Contains("target", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constraint_domination_keeps_survivors_feasible_and_finds_the_boundary_optimum()
    {
        // Minimise x² on [−2, 2] subject to 1 − x ≤ 0: the optimum is x = 1 with f = 1.
        ConstrainedParabola problem = new();
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new GeneticAlgorithm(problem, new GeneticOptions { PopulationSize = 20 }, seed: 5),
            Termination.MaxGenerations(100));

        Assert.All(Enumerable.Range(0, result.Final.Count), i => Assert.Equal(0.0, result.Final.Violations[i]));
        Assert.Equal(1.0, result.BestObjective, BoundaryTolerance);
        Assert.Equal(1.0, result.ParetoSet[0][0], BoundaryTolerance);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_a_different_one()
    {
        double[] RunWith(long seed)
        {
            Rosenbrock problem = new(4);
            GeneticResult result = GeneticRunner.Minimize(
                problem,
                new GeneticAlgorithm(problem, new GeneticOptions { PopulationSize = 20 }, seed),
                Termination.MaxGenerations(20));
            return result.Final.Variables;
        }

        Assert.Equal(RunWith(9), RunWith(9));
        Assert.NotEqual(RunWith(9), RunWith(10));
    }

    [Fact]
    public void A_multi_objective_problem_or_bad_options_are_refused_with_every_reason()
    {
        Assert.Throws<ArgumentException>(() => new GeneticAlgorithm(new Zdt1(), new GeneticOptions(), 1));
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            new GeneticAlgorithm(new Branin(), new GeneticOptions { PopulationSize = 5, CrossoverProbability = 2.0 }, 1));
        Assert.Contains("population size", e.Message, StringComparison.Ordinal);
        Assert.Contains("crossover probability", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_objective_told_back_is_refused()
    {
        Branin problem = new();
        GeneticAlgorithm ga = new(problem, new GeneticOptions { PopulationSize = 4 }, 1);
        Population batch = ga.Ask();
        batch.F(2)[0] = double.NaN;
        Assert.Throws<ArgumentException>(() => ga.Tell(batch));
    }

    private sealed class ConstrainedParabola : IProblem
    {
        public string Name => "constrained-parabola";

        public int Dimension => 1;

        public int ObjectiveCount => 1;

        public int ConstraintCount => 1;

        public IReadOnlyList<double> Lower { get; } = [-2.0];

        public IReadOnlyList<double> Upper { get; } = [2.0];

        public void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
        {
            objectives[0] = x[0] * x[0];
            constraints[0] = 1.0 - x[0];
        }
    }
}
