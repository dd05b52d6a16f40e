using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// The ML-enhanced multi-objective GA of Li, Cheng, Yu and Rainer (Phys. Rev. Accel. Beams 21, 054601,
/// 2018) as seed 000 describes it (lines 321–327): NSGA-II whose batches are partly repopulated from the
/// elite cluster of the population.
/// </summary>
/// <remarks>
/// <para>At each ask after the first generation:</para>
/// <list type="number">
/// <item>k-means (<see cref="MlMogaOptions.Clusters"/>) clusters the surviving population in parameter space, the variables scaled to [0, 1] by their bounds.</item>
/// <item>Each member gets the fitness F = Σ ωₘ fₘ (objectives min–max scaled over the population unless
/// <see cref="MlMogaOptions.NormalizeObjectives"/> is off; an infeasible member gets the worst feasible F + 1 + its violation).
/// The cluster with the lowest mean F is the elite.</item>
/// <item>round(proportion · N) randomly chosen members of the bred batch are replaced by points drawn
/// uniformly within the elite cluster's range (per variable, from its members' smallest to largest value).</item>
/// <item>A k-nearest-neighbour regression on the population predicts each new candidate's F. When the
/// candidates are told, the discrepancy score is the mean |F_actual − F_predicted| divided by the standard
/// deviation of F over the population (with the scaling of step 2 frozen at the ask): 0 means the
/// model predicted the elite region perfectly, 1 means its errors are as large as the population's spread.
/// A score ≤ <see cref="MlMogaOptions.GrowThreshold"/> multiplies the proportion by
/// <see cref="MlMogaOptions.GrowthFactor"/>; a larger one by <see cref="MlMogaOptions.ShrinkFactor"/>;
/// one ≥ <see cref="MlMogaOptions.SkipThreshold"/> also skips the next intervention. The proportion
/// stays within [<see cref="MlMogaOptions.MinProportion"/>, <see cref="MlMogaOptions.MaxProportion"/>].</item>
/// </list>
/// <para>Replacing inside the batch, rather than in the population after evaluation, keeps the ask-tell
/// contract: every individual that survives has been evaluated, and a generation is still one batch.</para>
/// </remarks>
public sealed class MlMoga : Nsga2
{
    private const double MatchTolerance = 1e-9;

    private readonly MlMogaOptions ml;
    private readonly WeightedFitness scorer;
    private readonly int[] labels;
    private readonly double[] fitness;
    private readonly double[] unit;
    private readonly double[] injected;
    private readonly double[] predicted;
    private int injectedCount;
    private bool skipNext;

    /// <summary>Creates the algorithm.</summary>
    /// <param name="problem">The problem (bounds and counts).</param>
    /// <param name="options">Population size and operators.</param>
    /// <param name="mlOptions">The ML intervention's settings.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="feasible">Optional test every asked point must pass.</param>
    /// <exception cref="ArgumentException">Either options object is invalid; the message lists every problem.</exception>
    public MlMoga(IProblem problem, GeneticOptions options, MlMogaOptions mlOptions, long seed, Func<double[], bool>? feasible = null)
        : base(problem, options, seed, feasible)
    {
        ArgumentNullException.ThrowIfNull(mlOptions);
        IReadOnlyList<string> problems = mlOptions.Validate(problem.ObjectiveCount);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid ML-MOGA options: {string.Join("; ", problems)}", nameof(mlOptions));
        }

        ml = mlOptions;
        int m = problem.ObjectiveCount;
        int n = options.PopulationSize;
        double[] weights = new double[m];
        double sum = mlOptions.Weights?.Sum() ?? m;
        for (int k = 0; k < m; k++)
        {
            weights[k] = (mlOptions.Weights?[k] ?? 1.0) / sum;
        }

        scorer = new WeightedFitness(weights, mlOptions.NormalizeObjectives);

        labels = new int[n];
        fitness = new double[n];
        unit = new double[n * Dimension];
        injected = new double[n * Dimension];
        predicted = new double[n];
        Proportion = mlOptions.InitialProportion;
    }

    /// <summary>The replacement proportion the next intervention will use.</summary>
    public double Proportion { get; private set; }

    /// <summary>The discrepancy score of the last measured intervention; NaN before any.</summary>
    public double LastDiscrepancy { get; private set; } = double.NaN;

    /// <summary>What the last ask did; null before the first intervention point (the initial design has none).</summary>
    public MlMogaIntervention? LastIntervention { get; private set; }

    /// <inheritdoc/>
    protected override void AfterBreeding(Population offspring, SplitMix64 random)
    {
        injectedCount = 0;
        if (skipNext)
        {
            skipNext = false;
            LastIntervention = new MlMogaIntervention(Generation, true, Proportion, [], [], [], 0, LastDiscrepancy);
            return;
        }

        int n = Parents.Count;
        int d = Dimension;
        ScaleParents();
        int k = KMeans.Cluster(unit.AsSpan(0, n * d), d, ml.Clusters, ml.KMeansIterations, random, labels);
        scorer.Fit(Parents, fitness);

        int elite = EliteCluster(k, n);
        double[] eliteLower = new double[d];
        double[] eliteUpper = new double[d];
        Array.Fill(eliteLower, double.PositiveInfinity);
        Array.Fill(eliteUpper, double.NegativeInfinity);
        int eliteSize = 0;
        for (int i = 0; i < n; i++)
        {
            if (labels[i] != elite)
            {
                continue;
            }

            eliteSize++;
            ReadOnlySpan<double> x = Parents.X(i);
            for (int j = 0; j < d; j++)
            {
                eliteLower[j] = Math.Min(eliteLower[j], x[j]);
                eliteUpper[j] = Math.Max(eliteUpper[j], x[j]);
            }
        }

        WidenEliteRange(eliteLower, eliteUpper);
        int replace = (int)Math.Round(Proportion * offspring.Count, MidpointRounding.AwayFromZero);
        int[] positions = ChoosePositions(offspring.Count, replace, random);
        Span<double> query = stackalloc double[d];
        foreach (int position in positions)
        {
            Span<double> x = offspring.X(position);
            for (int draw = 0; draw <= Options.MaxRepairDraws; draw++)
            {
                for (int j = 0; j < d; j++)
                {
                    x[j] = eliteLower[j] + (random.NextDouble() * (eliteUpper[j] - eliteLower[j]));
                }

                if (IsAcceptable(x))
                {
                    break;
                }
            }

            for (int j = 0; j < d; j++)
            {
                query[j] = (x[j] - Lower[j]) / (Upper[j] - Lower[j]);
            }

            x.CopyTo(injected.AsSpan(injectedCount * d, d));
            predicted[injectedCount++] = NearestNeighbourRegression.Predict(unit.AsSpan(0, n * d), fitness.AsSpan(0, n), query, ml.Neighbours);
        }

        LastIntervention = new MlMogaIntervention(Generation, false, Proportion, positions, eliteLower, eliteUpper, eliteSize, LastDiscrepancy);
    }

    /// <summary>Widens each variable's elite range to at least <see cref="MlMogaOptions.MinEliteWidth"/> of its bounds, about its centre and inside the bounds.</summary>
    private void WidenEliteRange(double[] eliteLower, double[] eliteUpper)
    {
        for (int j = 0; j < eliteLower.Length; j++)
        {
            double span = Upper[j] - Lower[j];
            double width = ml.MinEliteWidth * span;
            if (eliteUpper[j] - eliteLower[j] >= width)
            {
                continue;
            }

            double centre = 0.5 * (eliteLower[j] + eliteUpper[j]);
            double low = Math.Clamp(centre - (0.5 * width), Lower[j], Upper[j] - width);
            eliteLower[j] = low;
            eliteUpper[j] = low + width;
        }
    }

    /// <inheritdoc/>
    protected override void BeforeSurvival(Population evaluated)
    {
        if (injectedCount == 0)
        {
            return;
        }

        int d = Dimension;
        double errorSum = 0.0;
        int matched = 0;
        for (int i = 0; i < evaluated.Count; i++)
        {
            ReadOnlySpan<double> x = evaluated.X(i);
            for (int c = 0; c < injectedCount; c++)
            {
                if (SamePoint(x, injected.AsSpan(c * d, d)))
                {
                    errorSum += Math.Abs(scorer.Of(evaluated.F(i), evaluated.Violations[i]) - predicted[c]);
                    matched++;
                    break;
                }
            }
        }

        injectedCount = 0;
        if (matched == 0)
        {
            return;
        }

        double meanError = errorSum / matched;
        double score = scorer.Spread > 0.0 ? meanError / scorer.Spread : meanError == 0.0 ? 0.0 : double.PositiveInfinity;
        LastDiscrepancy = score;
        if (!ml.Adaptive)
        {
            return;
        }

        if (score <= ml.GrowThreshold)
        {
            Proportion = Math.Min(ml.MaxProportion, Proportion * ml.GrowthFactor);
        }
        else
        {
            Proportion = Math.Max(ml.MinProportion, Proportion * ml.ShrinkFactor);
            skipNext = score >= ml.SkipThreshold;
        }
    }

    private bool SamePoint(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // A point that went out as a campaign suggestion comes back through unit conversions, so compare
        // to a tolerance far below any meaningful step rather than bit for bit.
        for (int j = 0; j < a.Length; j++)
        {
            if (Math.Abs(a[j] - b[j]) > MatchTolerance * (Upper[j] - Lower[j]))
            {
                return false;
            }
        }

        return true;
    }

    private void ScaleParents()
    {
        int d = Dimension;
        for (int i = 0; i < Parents.Count; i++)
        {
            ReadOnlySpan<double> x = Parents.X(i);
            for (int j = 0; j < d; j++)
            {
                unit[(i * d) + j] = (x[j] - Lower[j]) / (Upper[j] - Lower[j]);
            }
        }
    }

    private int EliteCluster(int clusters, int n)
    {
        Span<double> sums = stackalloc double[clusters];
        Span<int> counts = stackalloc int[clusters];
        sums.Clear();
        counts.Clear();
        for (int i = 0; i < n; i++)
        {
            sums[labels[i]] += fitness[i];
            counts[labels[i]]++;
        }

        int elite = -1;
        double best = double.PositiveInfinity;
        for (int c = 0; c < clusters; c++)
        {
            if (counts[c] > 0 && sums[c] / counts[c] < best)
            {
                best = sums[c] / counts[c];
                elite = c;
            }
        }

        return elite;
    }

    private static int[] ChoosePositions(int count, int replace, SplitMix64 random)
    {
        // A partial Fisher–Yates shuffle picks distinct positions uniformly.
        int[] all = new int[count];
        for (int i = 0; i < count; i++)
        {
            all[i] = i;
        }

        for (int i = 0; i < replace; i++)
        {
            int j = i + random.NextInt32(count - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        int[] chosen = all[..replace];
        Array.Sort(chosen);
        return chosen;
    }
}
