using AutoLab.Analysis.Adaptive;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Training.Xrd;

/// <summary>
/// Measures a training draw as an adaptive measurement would: a full scan, then windows counted longer, merged
/// by <see cref="AdaptiveXrdMeasurement"/> (see <see cref="XrdWindowOptions"/> for where windows go and why).
/// </summary>
public sealed class XrdWindowSampler
{
    // Crystallite size of the phases' reference patterns that window centres are drawn from (nm): the middle
    // of the generator's default size range; only where the lines are matters here, not their width.
    private const double ReferenceCrystalliteSize = 50.0;

    private readonly XrdPatternGrid _grid;
    private readonly XrdWindowOptions _windows;
    private readonly PowderPatternSimulator _simulator;
    private readonly double[][] _cumulative;

    /// <summary>Creates a sampler and computes each phase's reference line pattern on the grid.</summary>
    /// <param name="phases">The phases of the training set.</param>
    /// <param name="options">The training options; <see cref="XrdTrainingSetOptions.Windows"/> must be set.</param>
    /// <param name="simulator">The simulator the generator shares.</param>
    /// <exception cref="ArgumentException">The options have no windows.</exception>
    public XrdWindowSampler(IReadOnlyList<DiagramPhase> phases, XrdTrainingSetOptions options, PowderPatternSimulator simulator)
    {
        _windows = options.Windows ?? throw new ArgumentException("the training options have no window settings", nameof(options));
        _windows.Validate();
        _grid = options.Grid;
        _simulator = simulator;
        ScanRange full = AdaptiveXrdPolicy.FullScan(_grid, 1.0);
        DiffractometerSettings linesOnly = options.Instrument with { Background = [0.0] };
        _cumulative = new double[phases.Count][];
        for (int a = 0; a < phases.Count; a++)
        {
            DiagramPhase phase = phases[a];
            double[] rate = new double[full.Points];
            PhaseContribution reference = new(phase.OtherEndMember is null ? phase.Structure : phase.At(0.5), 1.0, ReferenceCrystalliteSize);
            _simulator.ExpectedRate([reference], linesOnly, full, rate);
            double[] cumulative = new double[_grid.Points];
            double total = 0.0;
            for (int i = 0; i < _grid.Points; i++)
            {
                total += Math.Sqrt(Math.Max(0.0, rate[i]));
                cumulative[i] = total;
            }

            _cumulative[a] = cumulative;
        }
    }

    /// <summary>The merged pattern of a draw: its full scan at the draw's count time plus 0 … max windows.</summary>
    /// <param name="contributions">The draw's phases as the simulator receives them.</param>
    /// <param name="draw">The draw (instrument and count time).</param>
    /// <param name="seed">The set's seed.</param>
    /// <param name="index">The pattern's index; the same seed and index give the same windows and noise.</param>
    /// <returns>The merged pattern (counts per second, count time 1 s), as <see cref="AdaptiveXrdMeasurement.ToPattern"/> gives it.</returns>
    public PowderPattern Measure(IReadOnlyList<PhaseContribution> contributions, XrdSampleDraw draw, long seed, int index)
    {
        Random placement = RandomStreams.For(seed, "xrd-training/windows", index + 1);
        AdaptiveXrdMeasurement measurement = new(_grid);
        measurement.Add(_simulator.Measure(contributions, draw.Instrument, AdaptiveXrdPolicy.FullScan(_grid, draw.CountTime), RandomStreams.For(seed, "xrd-training/noise", index + 1)));
        int windows = placement.Next(_windows.MaxWindows + 1);
        int width = AdaptiveXrdPolicy.WindowPoints(_windows.Width, _grid);
        int segment = _windows.SegmentWidth > 0 ? AdaptiveXrdPolicy.SegmentPoints(_windows.SegmentWidth, _grid) : width;
        int segments = Math.Max(1, width / segment);
        double countTime = draw.CountTime * _windows.CountFactor;
        for (int w = 0; w < windows; w++)
        {
            // One phase's lines per window, as the policy's segments follow the lines of the candidates in doubt.
            bool lineCentred = placement.NextDouble() < _windows.LineCentredShare;
            double[]? lines = lineCentred ? _cumulative[placement.Next(_cumulative.Length)] : null;
            for (int s = 0; s < segments; s++)
            {
                int centre = lines is not null ? LinePoint(lines, placement) : placement.Next(_grid.Points);
                int first = Math.Clamp(centre - (segment / 2), 0, _grid.Points - segment);
                ScanRange range = AdaptiveXrdPolicy.GridScan(_grid, first, first + segment - 1, countTime);
                // Segment s > 0 draws from its own stream; a span (s = 0) keeps the stream it always had.
                Random noise = RandomStreams.For(seed, s == 0 ? "xrd-training/window-noise" : $"xrd-training/window-noise-segment-{s}", (index * 16) + w + 1);
                measurement.Add(_simulator.Measure(contributions, draw.Instrument, range, noise));
            }
        }

        return measurement.ToPattern();
    }

    // A grid point drawn in proportion to the square root of a phase's reference intensity (inverse of its
    // cumulative sum): the root, as in the preprocessor, so weak lines such as superlattice reflections, which
    // are often what the policy re-measures, get windows too. A phase with no line on the grid gives a uniform point.
    private int LinePoint(double[] cumulative, Random random)
    {
        double total = cumulative[^1];
        if (!(total > 0))
        {
            return random.Next(_grid.Points);
        }

        int found = Array.BinarySearch(cumulative, random.NextDouble() * total);
        return Math.Clamp(found < 0 ? ~found : found, 0, _grid.Points - 1);
    }
}
