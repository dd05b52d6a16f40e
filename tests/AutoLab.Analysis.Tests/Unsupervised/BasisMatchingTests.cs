using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Analysis.Tests.Unsupervised;

/// <summary>Basis matching finds the best one-to-one pairing, even where a greedy pairing would not.</summary>
public class BasisMatchingTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void Permuted_and_rescaled_patterns_match_with_cosine_one()
    {
        float[] reference = [1, 0, 0, 0, 1, 0, 0, 0, 1];
        float[] candidates = [0, 0, 5, 2, 0, 0, 0, 3, 0];

        BasisMatch match = BasisMatching.Match(reference, 3, candidates, 3, 3);

        Assert.Equal([1, 2, 0], match.Assignment);
        Assert.Equal(1.0, match.MinimumCosine, Exact);
    }

    [Fact]
    public void The_assignment_maximises_the_total_not_each_first_choice()
    {
        // Greedy would pair reference 0 with candidate 0 (cos 0.99) and leave reference 1 with
        // candidate 1 (cos 0.71); the optimum gives up a little on the first pair for a larger total.
        float[] reference = [1f, 0.1f, 1f, 1f];
        float[] candidates = [1f, 0.12f, 1f, 0f];

        BasisMatch match = BasisMatching.Match(reference, 2, candidates, 2, 2);
        double greedyTotal = BasisMatching.Cosine([1f, 0.1f], [1f, 0.12f]) + BasisMatching.Cosine([1f, 1f], [1f, 0f]);

        Assert.Equal([1, 0], match.Assignment);
        Assert.True(match.Cosines.Sum() > greedyTotal, $"optimal {match.Cosines.Sum()} vs greedy {greedyTotal}");
    }

    [Fact]
    public void A_reference_without_a_candidate_is_marked_unmatched()
    {
        BasisMatch match = BasisMatching.Match([1f, 0f, 0f, 1f], 2, [0f, 2f], 1, 2);

        Assert.Equal([-1, 0], match.Assignment);
        Assert.Equal(0.0, match.MinimumCosine, Exact);
    }
}
