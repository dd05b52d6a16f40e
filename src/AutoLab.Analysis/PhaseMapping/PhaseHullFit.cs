namespace AutoLab.Analysis.PhaseMapping;

/// <summary>
/// A thermodynamically constrained phase map: the formation energies of a <see cref="PhaseHullModel"/>
/// fitted to measured presence probabilities, so the map between the samples follows the Gibbs phase
/// rule and the lever rule instead of an interpolation of each phase on its own.
/// </summary>
/// <remarks>
/// <para>The likelihood treats each measured presence probability p of phase j at composition x as a soft
/// label of a Bernoulli call whose probability under the hull is
/// q = ε + (1 − 2ε) σ((f_j(x) − level) / w), f_j the hull's equilibrium fraction. The fit minimises
/// −Σ [p ln q + (1 − p) ln (1 − q)] over the energies by Nelder–Mead from
/// <see cref="PhaseHullFitOptions.Restarts"/> random starts plus any warm starts, keeping the best. The
/// error floor ε keeps a few wrong calls from bending the whole hull; the width w gives the objective a
/// slope inside coexistence fields, where the lever rule moves fractions smoothly with the energies.</para>
/// <para>What it assumes: the phases and their compositions are known (a phase library), every sample is
/// at equilibrium, and the energies are those of one temperature. A phase missing from the model, a
/// metastable sample, or a solution whose extent is wrong makes the hull wrong where kriging would only
/// be vague; compare the fit's loss with the number of observations to see how well the hull explains
/// the calls.</para>
/// </remarks>
public sealed class PhaseHullFit
{
    private readonly PhaseHullModel model;

    private PhaseHullFit(PhaseHullModel model, double[] parameters, double loss, int observations)
    {
        this.model = model;
        Parameters = parameters;
        Loss = loss;
        Observations = observations;
    }

    /// <summary>The fitted parameters, named by <see cref="PhaseHullModel.ParameterNames"/>.</summary>
    public IReadOnlyList<double> Parameters { get; }

    /// <summary>The fit's negative log-likelihood.</summary>
    public double Loss { get; }

    /// <summary>The number of observations fitted.</summary>
    public int Observations { get; }

    /// <summary>Fits the hull's energies to presence probabilities.</summary>
    /// <param name="model">The phases and their compositions.</param>
    /// <param name="points">Measured compositions as (first, second) element fractions.</param>
    /// <param name="presence">Per point, the presence probability of each of the model's phases, in <see cref="PhaseHullModel.Phases"/> order.</param>
    /// <param name="options">Fit settings; null for the defaults.</param>
    /// <param name="seed">Seed of the random starts.</param>
    /// <param name="warmStarts">Parameter vectors to start from besides the random ones (e.g. the previous fit's).</param>
    /// <returns>The best fit found.</returns>
    /// <exception cref="ArgumentException">Mismatched lengths, a presence outside [0, 1] or not finite, no points, or invalid options.</exception>
    public static PhaseHullFit Fit(
        PhaseHullModel model,
        IReadOnlyList<double[]> points,
        IReadOnlyList<double[]> presence,
        PhaseHullFitOptions? options = null,
        long seed = 0,
        IEnumerable<IReadOnlyList<double>>? warmStarts = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(presence);
        options ??= new PhaseHullFitOptions();
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid phase-hull fit options: {string.Join("; ", problems)}", nameof(options));
        }

        int phases = model.Phases.Count;
        if (points.Count == 0 || points.Count != presence.Count)
        {
            throw new ArgumentException($"need one presence row per point and at least one point; got {points.Count} points and {presence.Count} rows", nameof(presence));
        }

        for (int i = 0; i < presence.Count; i++)
        {
            if (presence[i].Length != phases || presence[i].Any(p => !(p >= 0 && p <= 1)))
            {
                throw new ArgumentException($"presence row {i} must hold {phases} probabilities in [0, 1] (one per phase: {string.Join(", ", model.Phases.Select(p => p.Name))}); got ({string.Join(", ", presence[i])})", nameof(presence));
            }
        }

        double[] fractions = new double[points.Count * phases];
        double[] aboveHull = new double[phases];
        double[] calledPresent = new double[phases];
        for (int j = 0; j < phases; j++)
        {
            calledPresent[j] = presence.Sum(row => row[j]);
        }

        double width = options.StepWidths[^1];
        double Objective(double[] parameters)
        {
            model.Fractions(parameters, points, fractions, aboveHull);
            double loss = 0;
            for (int j = 0; j < phases; j++)
            {
                loss += options.HullPull * aboveHull[j] * calledPresent[j];
            }

            for (int i = 0; i < points.Count; i++)
            {
                for (int j = 0; j < phases; j++)
                {
                    double q = CallProbability(fractions[(i * phases) + j], width, options);
                    double p = presence[i][j];
                    loss -= (p * Math.Log(q)) + ((1 - p) * Math.Log(1 - q));
                }
            }

            return loss;
        }

        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        List<double[]> starts = [.. (warmStarts ?? []).Select(s => s.Count == model.ParameterCount ? s.ToArray() : throw new ArgumentException($"a warm start needs {model.ParameterCount} parameters", nameof(warmStarts)))];
        for (int r = 0; r < options.Restarts; r++)
        {
            starts.Add([.. model.IsEnergy.Select(energy => Draw(random, energy ? options.EnergyRange : options.InteractionRange))]);
        }

        if (starts.Count == 0)
        {
            throw new ArgumentException("the fit needs at least one start: set Restarts above 0 or pass a warm start", nameof(options));
        }

        double[] best = starts[0];
        double bestLoss = double.PositiveInfinity;
        foreach (double[] start in starts)
        {
            double[] point = start;
            double value = double.PositiveInfinity;
            foreach (double stage in options.StepWidths)
            {
                width = stage;
                (point, value) = NelderMead.Minimise(Objective, point, options.InitialStep, options.EvaluationsPerStart, 1e-9);
            }

            if (value < bestLoss)
            {
                best = point;
                bestLoss = value;
            }
        }

        return new PhaseHullFit(model, best, bestLoss, points.Count);
    }

    /// <summary>The fitted hull's equilibrium fractions at compositions.</summary>
    /// <param name="points">Compositions as (first, second) element fractions.</param>
    /// <returns>Points × phases, row-major, in <see cref="PhaseHullModel.Phases"/> order.</returns>
    public double[] Fractions(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double[] fractions = new double[points.Count * model.Phases.Count];
        model.Fractions([.. Parameters], points, fractions);
        return fractions;
    }

    /// <summary>The fitted hull's phase set at compositions: bit j for phase j with fraction at or above the level.</summary>
    /// <param name="points">Compositions as (first, second) element fractions.</param>
    /// <param name="level">Detection level, e.g. 0.05.</param>
    /// <returns>One label per point.</returns>
    public ulong[] Labels(IReadOnlyList<double[]> points, double level)
    {
        double[] fractions = Fractions(points);
        int phases = model.Phases.Count;
        ulong[] labels = new ulong[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            for (int j = 0; j < phases; j++)
            {
                labels[i] |= fractions[(i * phases) + j] >= level ? 1UL << j : 0;
            }
        }

        return labels;
    }

    private static double CallProbability(double fraction, double width, PhaseHullFitOptions options)
    {
        double step = 1.0 / (1.0 + Math.Exp(-(fraction - options.DetectionLevel) / width));
        return options.ErrorFloor + ((1 - (2 * options.ErrorFloor)) * step);
    }

    private static double Draw(Random random, (double Low, double High) range) => range.Low + (random.NextDouble() * (range.High - range.Low));
}
