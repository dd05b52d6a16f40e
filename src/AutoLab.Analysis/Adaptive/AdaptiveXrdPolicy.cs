using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Adaptive;

/// <summary>
/// Decides after each scan whether an adaptive XRD measurement stops or which 2θ window it re-measures with a
/// longer count: the window where the expected patterns of the least-decided candidate phases differ most,
/// weighted by the counting statistics.
/// </summary>
/// <remarks>
/// <para>The procedure is the one of XRD-AutoAnalyzer's adaptive scans (Szymanski et al., npj Comput. Mater. 9,
/// 31, 2023; seed 003 lines 210–212): measure fast, and while the classifier is unsure, re-measure the range
/// that separates the most probable phases. They locate that range with class activation maps; here it is
/// located from the physics, because the candidates' patterns are known: each candidate's expected count rate
/// r_a on the grid (fraction 1, the identifier's nominal instrument, the middle of a solid-solution line) is
/// scaled to the measured net integrated intensity, and each grid point gets the Poisson discrimination rate
/// D_i = Σ_pairs (ŝ_a r_a,i − ŝ_b r_b,i)² / m_i per second of counting, m_i the merged measured rate: the
/// growth per second of the χ² (twice the expected log-likelihood ratio) between two Poisson hypotheses.
/// Points counted before are discounted by Δt / (T_i + Δt), the share of their variance another Δt removes,
/// so a window already measured is not chosen again unless it still dominates.</para>
/// <para>Candidates are the <see cref="AdaptiveXrdOptions.Candidates"/> phases with presence nearest 0.5:
/// with per-phase presence outputs, the calls still in doubt are what the next scan must settle.</para>
/// <seealso cref="AdaptiveXrdRun"/> <seealso cref="AdaptiveXrdMeasurement"/>
/// </remarks>
public sealed class AdaptiveXrdPolicy
{
    // Rates below this (counts/s) are treated as this in D_i's denominator, so an unmeasured or empty point
    // cannot make the score infinite.
    private const double RateFloor = 1.0;

    // The background under the lines is estimated as this quantile of the measured rates: most grid points
    // of a powder pattern lie between lines.
    private const double BackgroundQuantile = 0.2;

    private readonly double[][] _expected;

    /// <summary>Creates a policy and computes each candidate phase's expected pattern on the grid.</summary>
    /// <param name="phases">The identifier's phases, in its output order.</param>
    /// <param name="grid">The identifier's grid.</param>
    /// <param name="instrument">The nominal instrument (e.g. the identifier's training instrument).</param>
    /// <param name="options">Threshold, window and count settings.</param>
    /// <param name="simulator">The simulator computing expected patterns, or null for a new one.</param>
    /// <exception cref="ArgumentException">Invalid options, or fewer than 2 phases.</exception>
    public AdaptiveXrdPolicy(IReadOnlyList<DiagramPhase> phases, XrdPatternGrid grid, DiffractometerSettings instrument, AdaptiveXrdOptions options, PowderPatternSimulator? simulator = null)
    {
        options.Validate();
        if (phases.Count < 2)
        {
            throw new ArgumentException($"adaptive measurement needs at least 2 candidate phases, not {phases.Count}", nameof(phases));
        }

        Phases = phases;
        Grid = grid;
        Options = options;
        simulator ??= new PowderPatternSimulator();
        ScanRange range = FullScan(grid, 1.0);
        // The sample's own background is measured, not predicted, so the candidates are lines only.
        DiffractometerSettings linesOnly = instrument with { Background = [0.0] };
        _expected = new double[phases.Count][];
        for (int a = 0; a < phases.Count; a++)
        {
            DiagramPhase phase = phases[a];
            PhaseContribution contribution = new(phase.OtherEndMember is null ? phase.Structure : phase.At(0.5), 1.0, options.CandidateCrystalliteSize);
            double[] rate = new double[range.Points];
            simulator.ExpectedRate([contribution], linesOnly, range, rate);
            _expected[a] = rate[..grid.Points];
        }
    }

    /// <summary>The candidate phases, in the identifier's order.</summary>
    public IReadOnlyList<DiagramPhase> Phases { get; }

    /// <summary>The grid.</summary>
    public XrdPatternGrid Grid { get; }

    /// <summary>The options.</summary>
    public AdaptiveXrdOptions Options { get; }

    /// <summary>
    /// The confidence that every phase is called right: min over phases of max(p, 1 − p), p the presence
    /// probability. For a single confident phase among clearly absent ones it equals the top phase's presence.
    /// </summary>
    /// <param name="prediction">The identifier's prediction.</param>
    /// <returns>A value in [0.5, 1].</returns>
    public static double DecisionConfidence(PhasePrediction prediction) =>
        prediction.Presence.Min(p => Math.Max(p, 1.0 - p));

    /// <summary>The full scan of the grid at a count time: its points are the grid points.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="countTime">Counting time per point (s).</param>
    /// <returns>The range.</returns>
    public static ScanRange FullScan(XrdPatternGrid grid, double countTime) =>
        // Half a step past the end so rounding cannot drop the last grid point.
        new(grid.Start, grid.Stop + (grid.Step * 0.5), grid.Step, countTime);

    /// <summary>Decides what follows the scans merged so far.</summary>
    /// <param name="measurement">The merged measurement.</param>
    /// <param name="prediction">The identifier's prediction on <see cref="AdaptiveXrdMeasurement.ToPattern"/>.</param>
    /// <param name="windowsMeasured">Windows measured so far (after the fast scan).</param>
    /// <returns>Stop, or the next window and its count time.</returns>
    public AdaptiveXrdDecision Decide(AdaptiveXrdMeasurement measurement, PhasePrediction prediction, int windowsMeasured)
    {
        double confidence = DecisionConfidence(prediction);
        if (confidence >= Options.ConfidenceThreshold)
        {
            return new AdaptiveXrdDecision(true, "confident", confidence, [], double.NaN, double.NaN, 0.0);
        }

        if (windowsMeasured >= Options.MaxSteps)
        {
            return new AdaptiveXrdDecision(true, "max-steps", confidence, [], double.NaN, double.NaN, 0.0);
        }

        int[] candidates = [.. Enumerable.Range(0, prediction.Presence.Count)
            .OrderByDescending(j => Math.Min(prediction.Presence[j], 1.0 - prediction.Presence[j]))
            .ThenBy(j => j)
            .Take(Math.Min(Options.Candidates, prediction.Presence.Count))];
        double countTime = Options.FastCountTime * Options.WindowCountFactor;
        (int first, int last) = BestWindow(measurement, candidates, countTime);
        return new AdaptiveXrdDecision(false, "window", confidence, [.. candidates.Select(j => Phases[j].Name)], Grid.At(first), Grid.At(last), countTime);
    }

    /// <summary>The per-second discrimination score of each grid point between candidates (D_i with the discount; see remarks).</summary>
    /// <param name="measurement">The merged measurement.</param>
    /// <param name="candidates">Indices of the candidate phases.</param>
    /// <param name="countTime">Counting time per point of the next window (s).</param>
    /// <returns>One score per grid point.</returns>
    public double[] Scores(AdaptiveXrdMeasurement measurement, IReadOnlyList<int> candidates, double countTime)
    {
        int n = Grid.Points;
        double[] rate = new double[n];
        List<double> measured = [];
        for (int i = 0; i < n; i++)
        {
            rate[i] = measurement.Rate(i);
            if (measurement.Exposure(i) > 0)
            {
                measured.Add(rate[i]);
            }
        }

        measured.Sort();
        double background = measured.Count == 0 ? 0.0 : measured[(int)(BackgroundQuantile * (measured.Count - 1))];
        double net = 0.0;
        for (int i = 0; i < n; i++)
        {
            net += measurement.Exposure(i) > 0 ? Math.Max(0.0, rate[i] - background) : 0.0;
        }

        // Each hypothesis "the sample is candidate a" explains the same net integrated intensity.
        double[] scale = [.. candidates.Select(a => _expected[a].Sum() is > 0 and var total ? net / total : 0.0)];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = 0.0;
            for (int x = 0; x < candidates.Count; x++)
            {
                for (int y = x + 1; y < candidates.Count; y++)
                {
                    double difference = (scale[x] * _expected[candidates[x]][i]) - (scale[y] * _expected[candidates[y]][i]);
                    d += difference * difference;
                }
            }

            double mean = Math.Max(RateFloor, measurement.Exposure(i) > 0 ? rate[i] : background);
            scores[i] = d / mean * (countTime / (measurement.Exposure(i) + countTime));
        }

        return scores;
    }

    private (int First, int Last) BestWindow(AdaptiveXrdMeasurement measurement, IReadOnlyList<int> candidates, double countTime)
    {
        double[] scores = Scores(measurement, candidates, countTime);
        int width = Math.Clamp((int)Math.Round(Options.WindowWidth / Grid.Step) + 1, PatternPreprocessor.MinimumPoints, Grid.Points);
        double sum = 0.0;
        for (int i = 0; i < width; i++)
        {
            sum += scores[i];
        }

        double best = sum;
        int bestFirst = 0;
        for (int first = 1; first + width <= Grid.Points; first++)
        {
            sum += scores[first + width - 1] - scores[first - 1];
            if (sum > best)
            {
                best = sum;
                bestFirst = first;
            }
        }

        return (bestFirst, bestFirst + width - 1);
    }
}
