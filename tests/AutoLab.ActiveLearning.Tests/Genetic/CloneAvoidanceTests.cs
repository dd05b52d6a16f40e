using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>In a laboratory every child is a measurement, so no child may repeat an evaluated parent.</summary>
public sealed class CloneAvoidanceTests
{
    // Without crossover and with almost no mutation, nearly every child would be a copy of a parent.
    private static GeneticOptions CloneProneOptions(bool avoidClones) => new()
    {
        PopulationSize = 20,
        CrossoverProbability = 0.0,
        MutationProbability = 1e-9,
        AvoidClones = avoidClones,
    };

    [Fact]
    public void No_child_equals_a_parent_when_clones_are_avoided()
    {
        Assert.Equal(0, ClonesInSecondGeneration(avoidClones: true));
    }

    [Fact]
    public void Children_copy_parents_without_clone_avoidance_so_the_test_above_has_teeth()
    {
        Assert.True(ClonesInSecondGeneration(avoidClones: false) >= 15);
    }

    private static int ClonesInSecondGeneration(bool avoidClones)
    {
        Zdt1 problem = new(4);
        Nsga2 nsga = new(problem, CloneProneOptions(avoidClones), seed: 3);
        Population first = nsga.Ask();
        for (int i = 0; i < first.Count; i++)
        {
            problem.Evaluate(first.X(i), first.F(i), first.G(i));
        }

        nsga.Tell(first);
        Population second = nsga.Ask();
        int clones = 0;
        for (int i = 0; i < second.Count; i++)
        {
            for (int p = 0; p < nsga.Parents.Count; p++)
            {
                if (second.X(i).SequenceEqual(nsga.Parents.X(p)))
                {
                    clones++;
                    break;
                }
            }
        }

        return clones;
    }
}
