using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>NSGA-II reaches the known fronts of ZDT1 and DTLZ2 and is reproducible.</summary>
public sealed class Nsga2Tests
{
    private const double Zdt1HypervolumeFloor = 0.86;
    private const double Dtlz2HypervolumeFloor = 0.68;

    [Fact]
    public void Nsga2_reaches_a_hypervolume_of_0_86_on_ZDT1_with_30_variables()
    {
        Zdt1 problem = new();
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new Nsga2(problem, new GeneticOptions { PopulationSize = 100 }, seed: 1),
            Termination.MaxGenerations(250));

        double hv = Hypervolume.Compute(result.ParetoFront, [1.1, 1.1]);
        Assert.True(hv >= Zdt1HypervolumeFloor, $"hypervolume {hv:F4} after 250 generations; NSGA-II should be within 0.017 of the front's 0.8767");
        Assert.Equal(ExitReason.MaxGenerations, result.ExitReason);
        Assert.Equal(250, result.Generations);
        Assert.Equal(25_000, result.Evaluations);
    }

    [Fact]
    public void Nsga2_reaches_a_hypervolume_of_0_68_on_three_objective_DTLZ2()
    {
        Dtlz2 problem = new();
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new Nsga2(problem, new GeneticOptions { PopulationSize = 100 }, seed: 1),
            Termination.MaxGenerations(250));

        double hv = Hypervolume.Compute(result.ParetoFront, [1.1, 1.1, 1.1]);
        Assert.True(hv >= Dtlz2HypervolumeFloor, $"hypervolume {hv:F4}; the front's is 0.8074");
    }

    [Fact]
    public void Iterative_crowding_reaches_the_ZDT1_floor_and_keeps_the_population_size()
    {
        // ZDT1 with 10 variables, 100 generations of 100: seeds 1–3 reach 0.8706–0.8711.
        Zdt1 problem = new(10);
        Nsga2 nsga = new(problem, new GeneticOptions { PopulationSize = 100, IterativeCrowding = true }, seed: 1);
        GeneticResult result = GeneticRunner.Minimize(problem, nsga, Termination.MaxGenerations(100));

        Assert.Equal(100, result.Final.Count);
        double hv = Hypervolume.Compute(result.ParetoFront, [1.1, 1.1]);
        Assert.True(hv >= Zdt1HypervolumeFloor, $"hypervolume {hv:F4}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_population_and_another_seed_a_different_one()
    {
        double[] RunWith(long seed)
        {
            Zdt1 problem = new(10);
            return GeneticRunner.Minimize(problem, new Nsga2(problem, new GeneticOptions { PopulationSize = 20 }, seed), Termination.MaxGenerations(10)).Final.Objectives;
        }

        Assert.Equal(RunWith(5), RunWith(5));
        Assert.NotEqual(RunWith(5), RunWith(6));
    }

    [Fact]
    public void Survivors_are_ranked_and_the_final_front_is_mutually_non_dominated()
    {
        Zdt1 problem = new(10);
        Nsga2 nsga = new(problem, new GeneticOptions { PopulationSize = 20 }, seed: 1);
        GeneticResult result = GeneticRunner.Minimize(problem, nsga, Termination.MaxGenerations(30));

        Assert.Equal(20, nsga.Ranks.Length);
        Assert.Contains(0, nsga.Ranks.ToArray());
        foreach (double[] a in result.ParetoFront)
        {
            Assert.DoesNotContain(result.ParetoFront, b => Dominance.Dominates(b, a));
        }
    }

    [Fact]
    public void Telling_fewer_points_than_the_batch_still_advances_a_generation()
    {
        Zdt1 problem = new(5);
        Nsga2 nsga = new(problem, new GeneticOptions { PopulationSize = 8 }, seed: 1);
        Population batch = nsga.Ask();
        for (int i = 0; i < batch.Count; i++)
        {
            problem.Evaluate(batch.X(i), batch.F(i), batch.G(i));
        }

        batch.Count = 5;
        nsga.Tell(batch);

        Assert.Equal(1, nsga.Generation);
        Assert.Equal(5, nsga.Parents.Count);
        Assert.Equal(8, nsga.Ask().Count);
    }

    [Fact]
    public void Constraint_domination_keeps_the_final_front_inside_the_feasible_region()
    {
        // ZDT1 on 5 variables restricted to f1 = x0 ≥ 0.5: the front is f2 = 1 − √f1 for f1 in [0.5, 1].
        HalfZdt1 problem = new();
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new Nsga2(problem, new GeneticOptions { PopulationSize = 40 }, seed: 2),
            Termination.MaxGenerations(80));

        Assert.All(Enumerable.Range(0, result.Final.Count), i => Assert.Equal(0.0, result.Final.Violations[i]));
        Assert.All(result.ParetoFront, f => Assert.True(f[0] >= 0.5, $"front point at f1 = {f[0]}"));
        Assert.Contains(result.ParetoFront, f => f[0] < 0.52);
    }

    private sealed class HalfZdt1 : IProblem
    {
        private readonly Zdt1 zdt = new(5);

        public string Name => "half-zdt1";

        public int Dimension => 5;

        public int ObjectiveCount => 2;

        public int ConstraintCount => 1;

        public IReadOnlyList<double> Lower => zdt.Lower;

        public IReadOnlyList<double> Upper => zdt.Upper;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
        {
            zdt.Evaluate(x, objectives, []);
            constraints[0] = 0.5 - x[0];
        }
    }
}
