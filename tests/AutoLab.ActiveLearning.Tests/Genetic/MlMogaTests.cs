using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>
/// The ML-enhanced MOGA replaces the stated proportion of a batch with points from the elite cluster's range,
/// adapts or skips by the discrepancy score, and refuses nonsensical options.
/// </summary>
public sealed class MlMogaTests
{
    private static void Evaluate(IProblem problem, Population batch)
    {
        for (int i = 0; i < batch.Count; i++)
        {
            problem.Evaluate(batch.X(i), batch.F(i), batch.G(i));
        }
    }

    [Fact]
    public void A_one_member_elite_cluster_gets_a_range_wide_enough_that_candidates_do_not_repeat_it()
    {
        // As many clusters as individuals: every cluster, the elite one included, has a single member,
        // whose range has zero width before widening.
        Zdt1 problem = new(4);
        GeneticOptions options = new() { PopulationSize = 8 };
        MlMogaOptions ml = new() { Clusters = 8, InitialProportion = 0.5 };
        MlMoga moga = new(problem, options, ml, seed: 2);
        Population initial = moga.Ask();
        Evaluate(problem, initial);
        moga.Tell(initial);

        Population batch = moga.Ask();
        MlMogaIntervention intervention = Assert.IsType<MlMogaIntervention>(moga.LastIntervention);

        Assert.False(intervention.Skipped);
        for (int j = 0; j < problem.Dimension; j++)
        {
            double bounds = problem.Upper[j] - problem.Lower[j];
            Assert.True(intervention.EliteUpper[j] - intervention.EliteLower[j] >= (ml.MinEliteWidth * bounds) - 1e-12);
        }

        foreach (int position in intervention.Positions)
        {
            for (int p = 0; p < moga.Parents.Count; p++)
            {
                Assert.False(batch.X(position).SequenceEqual(moga.Parents.X(p)), $"candidate {position} repeats parent {p}");
            }
        }
    }

    [Fact]
    public void The_stated_proportion_of_the_batch_is_replaced_inside_the_elite_range_and_the_rest_is_plain_NSGA_II()
    {
        Zdt1 problem = new(10);
        GeneticOptions options = new() { PopulationSize = 40 };
        MlMoga moga = new(problem, options, new MlMogaOptions { InitialProportion = 0.25 }, seed: 4);
        Nsga2 plain = new(problem, options, seed: 4);
        foreach (IAskTellOptimizer optimizer in new IAskTellOptimizer[] { moga, plain })
        {
            Population initial = optimizer.Ask();
            Evaluate(problem, initial);
            optimizer.Tell(initial);
        }

        Population mogaBatch = moga.Ask().Clone();
        Population plainBatch = plain.Ask();
        MlMogaIntervention intervention = Assert.IsType<MlMogaIntervention>(moga.LastIntervention);

        Assert.False(intervention.Skipped);
        Assert.Equal(10, intervention.Positions.Count);
        Assert.Equal(intervention.Positions.Count, intervention.Positions.Distinct().Count());
        for (int i = 0; i < 40; i++)
        {
            if (intervention.Positions.Contains(i))
            {
                for (int j = 0; j < problem.Dimension; j++)
                {
                    Assert.InRange(mogaBatch.X(i)[j], intervention.EliteLower[j], intervention.EliteUpper[j]);
                }
            }
            else
            {
                Assert.Equal(plainBatch.X(i).ToArray(), mogaBatch.X(i).ToArray());
            }
        }
    }

    [Fact]
    public void A_perfect_prediction_grows_the_proportion()
    {
        // Constant objectives: every fitness is 0, so the k-NN prediction is exact and the score is 0.
        FlatProblem problem = new();
        MlMoga moga = new(problem, new GeneticOptions { PopulationSize = 20 }, new MlMogaOptions(), seed: 1);
        for (int g = 0; g < 2; g++)
        {
            Population batch = moga.Ask();
            Evaluate(problem, batch);
            moga.Tell(batch);
        }

        Assert.Equal(0.0, moga.LastDiscrepancy);
        Assert.Equal(0.2 * 1.25, moga.Proportion, 1e-12);
    }

    [Fact]
    public void A_score_at_the_skip_threshold_skips_the_next_intervention_and_shrinks_the_proportion()
    {
        Zdt1 problem = new(10);
        MlMoga moga = new(problem, new GeneticOptions { PopulationSize = 20 }, new MlMogaOptions { GrowThreshold = 0.0, SkipThreshold = 0.0 }, seed: 2);
        for (int g = 0; g < 2; g++)
        {
            Population batch = moga.Ask();
            Evaluate(problem, batch);
            moga.Tell(batch);
        }

        Assert.True(moga.LastDiscrepancy > 0.0);
        Assert.Equal(0.2 * 0.8, moga.Proportion, 1e-12);
        moga.Ask();
        MlMogaIntervention skipped = Assert.IsType<MlMogaIntervention>(moga.LastIntervention);
        Assert.True(skipped.Skipped);
        Assert.Empty(skipped.Positions);
    }

    [Fact]
    public void A_fixed_proportion_does_not_adapt()
    {
        Zdt1 problem = new(10);
        MlMoga moga = new(problem, new GeneticOptions { PopulationSize = 20 }, new MlMogaOptions { Adaptive = false, InitialProportion = 0.3 }, seed: 2);
        for (int g = 0; g < 4; g++)
        {
            Population batch = moga.Ask();
            Evaluate(problem, batch);
            moga.Tell(batch);
        }

        Assert.Equal(0.3, moga.Proportion);
        Assert.Equal(6, moga.LastIntervention!.Positions.Count);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_reason()
    {
        MlMogaOptions bad = new()
        {
            Clusters = 0,
            Weights = [1.0],
            InitialProportion = 0.9,
            MaxProportion = 0.5,
            Neighbours = 0,
            GrowThreshold = 2.0,
            SkipThreshold = 1.0,
            ShrinkFactor = 1.5,
        };
        IReadOnlyList<string> problems = bad.Validate(2);

        Assert.Equal(6, problems.Count);
        Assert.Empty(new MlMogaOptions().Validate(2));
        Assert.Single(new MlMogaOptions { Weights = [-1.0, 2.0] }.Validate(2));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new MlMoga(new Zdt1(), new GeneticOptions(), bad, 1));
        Assert.Contains("clusters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ML_MOGA_still_converges_on_ZDT1()
    {
        // ZDT1 with 10 variables, 100 generations of 100: seeds 1–3 reach 0.864–0.866 (plain NSGA-II about 0.870).
        Zdt1 problem = new(10);
        GeneticResult result = GeneticRunner.Minimize(
            problem,
            new MlMoga(problem, new GeneticOptions(), new MlMogaOptions(), seed: 1),
            Termination.MaxGenerations(100));

        double hv = AutoLab.ActiveLearning.MultiObjective.Hypervolume.Compute(result.ParetoFront, [1.1, 1.1]);
        Assert.True(hv >= 0.85, $"hypervolume {hv:F4}");
    }

    private sealed class FlatProblem : IProblem
    {
        public string Name => "flat";

        public int Dimension => 3;

        public int ObjectiveCount => 2;

        public int ConstraintCount => 0;

        public IReadOnlyList<double> Lower { get; } = [0.0, 0.0, 0.0];

        public IReadOnlyList<double> Upper { get; } = [1.0, 1.0, 1.0];

        public void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
        {
            objectives[0] = 1.0;
            objectives[1] = 2.0;
        }
    }
}
