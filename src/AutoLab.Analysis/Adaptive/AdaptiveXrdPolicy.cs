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
/// <para>With <see cref="AdaptiveXrdOptions.StrainTolerance"/> set, a candidate's expected rate counts only
/// where the other candidate has no line (its rate max-filtered over the 2θ shift that strain could cause is
/// below 1 % of its strongest line): two
/// phases whose shared lines sit closer than strain moves them (an ordered phase and its disordered parent)
/// are told apart only by their other lines, and the window should go there.</para>
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

    // With a strain tolerance, a grid point belongs to another candidate's line when that candidate's
    // max-filtered rate there exceeds this fraction of its strongest line: about where a line's tail falls into
    // the counting noise of a fast scan.
    private const double SharedLineFraction = 0.01;

    private readonly double[][] _expected;

    // Each candidate's expected rate, max-filtered over the 2θ shift strain could cause (see
    // AdaptiveXrdOptions.StrainTolerance); null when the tolerance is 0.
    private readonly double[][]? _spread;
    private readonly double[] _spreadMax = [];

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

        _spread = options.StrainTolerance > 0 ? [.. _expected.Select(e => Spread(e, grid, options.StrainTolerance))] : null;
        _spreadMax = _spread is null ? [] : [.. _spread.Select(e => e.Max())];
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
    public static ScanRange FullScan(XrdPatternGrid grid, double countTime) => GridScan(grid, 0, grid.Points - 1, countTime);

    /// <summary>The scan of grid points <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="first">First grid point.</param>
    /// <param name="last">Last grid point.</param>
    /// <param name="countTime">Counting time per point (s).</param>
    /// <returns>The range.</returns>
    public static ScanRange GridScan(XrdPatternGrid grid, int first, int last, double countTime) =>
        // Half a step past the end so rounding cannot drop the last grid point.
        new(grid.At(first), grid.At(last) + (grid.Step * 0.5), grid.Step, countTime);

    /// <summary>Grid points in a window <paramref name="width"/> degrees wide: at least the preprocessor's minimum pattern.</summary>
    /// <param name="width">Window width (degrees 2θ).</param>
    /// <param name="grid">The grid.</param>
    /// <returns>The number of points; a window of segments spends the same number.</returns>
    public static int WindowPoints(double width, XrdPatternGrid grid) =>
        Math.Clamp((int)Math.Round(width / grid.Step) + 1, PatternPreprocessor.MinimumPoints, grid.Points);

    /// <summary>Grid points in a segment <paramref name="width"/> degrees wide: at least 3, so a segment spans a line's top.</summary>
    /// <param name="width">Segment width (degrees 2θ).</param>
    /// <param name="grid">The grid.</param>
    /// <returns>The number of points.</returns>
    public static int SegmentPoints(double width, XrdPatternGrid grid) =>
        Math.Clamp((int)Math.Round(width / grid.Step) + 1, 3, grid.Points);

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
        double[] scores = Scores(measurement, candidates, countTime);
        List<(int First, int Last)> ranges = Options.SegmentWidth > 0 ? BestSegments(scores) : [BestWindow(scores)];
        return new AdaptiveXrdDecision(false, "window", confidence, [.. candidates.Select(j => Phases[j].Name)], Grid.At(ranges[0].First), Grid.At(ranges[^1].Last), countTime)
        {
            Scans = [.. ranges.Select(r => GridScan(Grid, r.First, r.Last, countTime))],
        };
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
        double[] plain = new double[n];
        bool distinct = false;
        for (int i = 0; i < n; i++)
        {
            double d = 0.0;
            double dPlain = 0.0;
            for (int x = 0; x < candidates.Count; x++)
            {
                for (int y = x + 1; y < candidates.Count; y++)
                {
                    double a = scale[x] * _expected[candidates[x]][i];
                    double b = scale[y] * _expected[candidates[y]][i];
                    dPlain += (a - b) * (a - b);
                    if (_spread is not null)
                    {
                        // Only a line the other candidate cannot put there under any allowed strain separates them;
                        // shared lines are left out whatever their heights, which fractions and texture change anyway.
                        double onlyA = _spread[candidates[y]][i] <= SharedLineFraction * _spreadMax[candidates[y]] ? a : 0.0;
                        double onlyB = _spread[candidates[x]][i] <= SharedLineFraction * _spreadMax[candidates[x]] ? b : 0.0;
                        d += (onlyA * onlyA) + (onlyB * onlyB);
                    }
                }
            }

            double weight = 1.0 / Math.Max(RateFloor, measurement.Exposure(i) > 0 ? rate[i] : background) * (countTime / (measurement.Exposure(i) + countTime));
            scores[i] = d * weight;
            plain[i] = dPlain * weight;
            distinct |= scores[i] > 0;
        }

        // Candidates with no line of their own on the grid fall back to the point-by-point difference.
        return distinct ? scores : plain;
    }

    // The running maximum of a pattern over ±(2ε·tan θ + one step) in 2θ around each grid point.
    private static double[] Spread(double[] pattern, XrdPatternGrid grid, double strain)
    {
        double[] spread = new double[pattern.Length];
        for (int i = 0; i < pattern.Length; i++)
        {
            double theta = grid.At(i) * Math.PI / 360.0;
            double halfWidth = (2.0 * strain * Math.Tan(theta) * 180.0 / Math.PI) + grid.Step;
            int reach = (int)Math.Ceiling(halfWidth / grid.Step);
            double largest = 0.0;
            for (int j = Math.Max(0, i - reach); j <= Math.Min(pattern.Length - 1, i + reach); j++)
            {
                largest = Math.Max(largest, pattern[j]);
            }

            spread[i] = largest;
        }

        return spread;
    }

    private (int First, int Last) BestWindow(double[] scores)
    {
        int width = WindowPoints(Options.WindowWidth, Grid);
        (int first, _) = BestSum(scores, width, new bool[Grid.Points]);
        return (first, first + width - 1);
    }

    // Segments of SegmentWidth, each placed where the summed score of its points is largest among the points not yet
    // taken, until the span's point budget is used; adjacent segments are merged into one scan, and the list is in 2θ order.
    private List<(int First, int Last)> BestSegments(double[] scores)
    {
        int segment = SegmentPoints(Options.SegmentWidth, Grid);
        int count = Math.Max(1, WindowPoints(Options.WindowWidth, Grid) / segment);
        bool[] taken = new bool[Grid.Points];
        List<(int First, int Last)> chosen = [];
        for (int s = 0; s < count; s++)
        {
            (int first, bool found) = BestSum(scores, segment, taken);
            if (!found)
            {
                break;
            }

            Array.Fill(taken, true, first, segment);
            chosen.Add((first, first + segment - 1));
        }

        chosen.Sort();
        List<(int First, int Last)> merged = [];
        foreach ((int first, int last) in chosen)
        {
            if (merged.Count > 0 && merged[^1].Last + 1 >= first)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, last));
            }
            else
            {
                merged.Add((first, last));
            }
        }

        return merged;
    }

    // The first point of the run of `width` free points with the largest summed score (ties: the lowest 2θ).
    private (int First, bool Found) BestSum(double[] scores, int width, bool[] taken)
    {
        double best = double.NegativeInfinity;
        int bestFirst = 0;
        double sum = 0.0;
        int free = 0;
        for (int i = 0; i < Grid.Points; i++)
        {
            sum += scores[i];
            free = taken[i] ? 0 : free + 1;
            if (i >= width)
            {
                sum -= scores[i - width];
            }

            if (free >= width && sum > best)
            {
                best = sum;
                bestFirst = i - width + 1;
            }
        }

        return (bestFirst, !double.IsNegativeInfinity(best));
    }
}
