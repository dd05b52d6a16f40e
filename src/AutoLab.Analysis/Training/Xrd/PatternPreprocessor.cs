using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Training.Xrd;

/// <summary>
/// Turns a measured powder pattern (any 2θ range and step) into the network's input: resampled onto an
/// <see cref="XrdPatternGrid"/>, background removed, square-root scaled and normalised to a maximum of 1.
/// </summary>
/// <remarks>
/// <para>Steps, in order: (1) linear interpolation of the counts at each grid point inside the measured
/// range; grid points outside it stay 0, so a sub-range scan is a pattern with empty flanks. Training
/// patterns are simulated at the grid points themselves, so point sampling here matches them. (2) When
/// <see cref="SubtractBackground"/> is on, a robust background (a running minimum over
/// <see cref="BackgroundWindow"/> degrees, then a running mean over the same window to smooth its steps,
/// the "rolling ball" estimate of Sternberg 1983 in one dimension) is subtracted and the result clipped
/// at 0. Peaks narrower than the window do not lift the minimum, so it follows the slow Chebyshev
/// background of the diffractometer, not the lines. (3) Square root: Poisson noise has a variance equal
/// to the counts, so √counts has a nearly constant variance of 1/4 and weak superlattice lines are not
/// drowned by the strongest fundamental line. (4) Division by the maximum, so count time and scale
/// drop out.</para>
/// <para>With <see cref="ExposureChannel"/> on, the input has a second channel after the first (a row holds the
/// grid's points twice): the counting noise of each point of the first channel, so that a network can weigh a
/// re-measured window counted longer more than the fast scan around it (an adaptive measurement merged by
/// <see cref="Adaptive.AdaptiveXrdMeasurement"/>). √(rate) has a standard deviation of 1/(2√t) for t seconds of
/// counting, so after the division by the maximum M the first channel's noise is σ_i = 1/(2 M √t_i). The
/// channel holds σ_i / (σ_i + <see cref="NoiseScale"/>): 0 for a point counted without noise, ½ at σ = 0.02
/// (about 625 counts on the strongest line), 1 for a point never measured. Its values stay in [0, 1] like the
/// first channel's, over the four decades of count time the training sets draw.</para>
/// <para>Bad input is refused with an <see cref="ArgumentException"/> that names the offending index.</para>
/// </remarks>
public sealed class PatternPreprocessor
{
    /// <summary>The fewest points a measured pattern may have.</summary>
    public const int MinimumPoints = 16;

    /// <summary>The first channel's noise σ at which the exposure channel reads ½ (see remarks).</summary>
    public const double NoiseScale = 0.02;

    /// <summary>Creates a preprocessor for a grid.</summary>
    /// <param name="grid">The network's grid.</param>
    /// <param name="subtractBackground">Whether to subtract the running-minimum background estimate.</param>
    /// <param name="backgroundWindow">Width of the running minimum and mean (degrees 2θ); several times a peak width.</param>
    /// <exception cref="ArgumentException">The window is not positive.</exception>
    /// <param name="exposureChannel">Whether the input carries the per-point counting-noise channel.</param>
    public PatternPreprocessor(XrdPatternGrid grid, bool subtractBackground = true, double backgroundWindow = 3.0, bool exposureChannel = false)
    {
        if (!(backgroundWindow > 0) || !double.IsFinite(backgroundWindow))
        {
            throw new ArgumentException($"background window must be a positive number of degrees, not {backgroundWindow}", nameof(backgroundWindow));
        }

        Grid = grid;
        SubtractBackground = subtractBackground;
        BackgroundWindow = backgroundWindow;
        ExposureChannel = exposureChannel;
    }

    /// <summary>The grid patterns are resampled onto.</summary>
    public XrdPatternGrid Grid { get; }

    /// <summary>Whether the background estimate is subtracted.</summary>
    public bool SubtractBackground { get; }

    /// <summary>Width of the background window (degrees 2θ).</summary>
    public double BackgroundWindow { get; }

    /// <summary>Whether the input has the counting-noise channel (see remarks).</summary>
    public bool ExposureChannel { get; }

    /// <summary>Values per input channel: 1, or 2 with <see cref="ExposureChannel"/>.</summary>
    public int Channels => ExposureChannel ? 2 : 1;

    /// <summary>Values per network input row: <see cref="XrdPatternGrid.Points"/> × <see cref="Channels"/>.</summary>
    public int InputWidth => Grid.Points * Channels;

    /// <summary>Preprocesses a simulated or measured pattern.</summary>
    /// <param name="pattern">The pattern; its counting time per point is <see cref="PowderPattern.Exposure"/> where set, else <see cref="PowderPattern.CountTime"/>.</param>
    /// <returns>The network input, <see cref="InputWidth"/> values in [0, 1].</returns>
    /// <exception cref="ArgumentException">The pattern is too short, not increasing in 2θ, has NaN or negative counts, or misses the grid.</exception>
    public float[] Process(PowderPattern pattern)
    {
        float[] output = new float[InputWidth];
        Process(pattern, output);
        return output;
    }

    /// <summary>Preprocesses a simulated or measured pattern into <paramref name="output"/>.</summary>
    /// <param name="pattern">The pattern (see <see cref="Process(PowderPattern)"/>).</param>
    /// <param name="output">Receives <see cref="InputWidth"/> values in [0, 1].</param>
    /// <exception cref="ArgumentException">The pattern is invalid; the message names the index.</exception>
    public void Process(PowderPattern pattern, Span<float> output)
    {
        if (!ExposureChannel)
        {
            Process([.. pattern.TwoTheta], [.. pattern.Counts], output);
            return;
        }

        if (!(pattern.CountTime > 0) || !double.IsFinite(pattern.CountTime))
        {
            throw new ArgumentException($"count time must be a positive number of seconds, not {pattern.CountTime}", nameof(pattern));
        }

        double[] exposure = pattern.Exposure is { } perPoint ? [.. perPoint] : [.. Enumerable.Repeat(pattern.CountTime, pattern.Counts.Count)];
        Process([.. pattern.TwoTheta], [.. pattern.Counts.Select(c => c / pattern.CountTime)], exposure, output);
    }

    /// <summary>Preprocesses a pattern given as 2θ and counts into <paramref name="output"/> (a one-channel input).</summary>
    /// <param name="twoTheta">2θ of each point (degrees), strictly increasing.</param>
    /// <param name="counts">Counts at each point, finite and not negative.</param>
    /// <param name="output">Receives <see cref="XrdPatternGrid.Points"/> values in [0, 1].</param>
    /// <exception cref="ArgumentException">The input is invalid; the message names the index.</exception>
    /// <exception cref="InvalidOperationException">This preprocessor has the exposure channel, which needs the counting times.</exception>
    public void Process(ReadOnlySpan<double> twoTheta, ReadOnlySpan<double> counts, Span<float> output)
    {
        if (ExposureChannel)
        {
            throw new InvalidOperationException("this model reads each point's counting time as a second input channel; pass the exposure per point");
        }

        Validate(twoTheta, counts, output.Length);
        Resample(twoTheta, counts, default, output);
    }

    /// <summary>Preprocesses count rates and the counting time of each point into <paramref name="output"/>.</summary>
    /// <param name="twoTheta">2θ of each point (degrees), strictly increasing.</param>
    /// <param name="rates">Count rate at each point (counts/s), finite and not negative.</param>
    /// <param name="exposure">Counting time of each point (s), positive; read only with <see cref="ExposureChannel"/>.</param>
    /// <param name="output">Receives <see cref="InputWidth"/> values in [0, 1].</param>
    /// <exception cref="ArgumentException">The input is invalid; the message names the index.</exception>
    public void Process(ReadOnlySpan<double> twoTheta, ReadOnlySpan<double> rates, ReadOnlySpan<double> exposure, Span<float> output)
    {
        Validate(twoTheta, rates, output.Length);
        if (exposure.Length != rates.Length)
        {
            throw new ArgumentException($"pattern has {rates.Length} points but {exposure.Length} exposure times", nameof(exposure));
        }

        for (int i = 0; i < exposure.Length; i++)
        {
            if (!(exposure[i] > 0) || !double.IsFinite(exposure[i]))
            {
                throw new ArgumentException($"exposure[{i}] is {exposure[i]} s (at 2θ = {twoTheta[i]}°); counting times must be positive", nameof(exposure));
            }
        }

        Resample(twoTheta, rates, ExposureChannel ? exposure : default, output);
    }

    // An empty exposure means a one-channel input.
    private void Resample(ReadOnlySpan<double> twoTheta, ReadOnlySpan<double> counts, ReadOnlySpan<double> exposure, Span<float> output)
    {
        double[] resampled = new double[Grid.Points];
        double[]? seconds = exposure.IsEmpty ? null : new double[Grid.Points];
        int first = -1;
        int last = -1;
        int j = 0;
        for (int i = 0; i < Grid.Points; i++)
        {
            double x = Grid.At(i);
            if (x < twoTheta[0] || x > twoTheta[^1])
            {
                continue;
            }

            while (j < twoTheta.Length - 2 && twoTheta[j + 1] < x)
            {
                j++;
            }

            double t = Math.Clamp((x - twoTheta[j]) / (twoTheta[j + 1] - twoTheta[j]), 0.0, 1.0);
            resampled[i] = counts[j] + (t * (counts[j + 1] - counts[j]));
            if (seconds is not null)
            {
                seconds[i] = exposure[j] + (t * (exposure[j + 1] - exposure[j]));
            }

            first = first < 0 ? i : first;
            last = i;
        }

        if (first < 0 || last - first < 1)
        {
            throw new ArgumentException(
                $"pattern {twoTheta[0]:0.###}..{twoTheta[^1]:0.###}° covers fewer than 2 points of the grid {Grid.Start:0.###}..{Grid.Stop:0.###}°",
                nameof(twoTheta));
        }

        if (SubtractBackground)
        {
            RemoveBackground(resampled.AsSpan(first, last - first + 1));
        }

        double max = 0.0;
        for (int i = first; i <= last; i++)
        {
            resampled[i] = Math.Sqrt(Math.Max(0.0, resampled[i]));
            max = Math.Max(max, resampled[i]);
        }

        output.Clear();
        if (seconds is not null)
        {
            // Unmeasured points and a pattern without lines read 1: no information there.
            Span<float> noise = output.Slice(Grid.Points, Grid.Points);
            noise.Fill(1f);
            for (int i = first; max > 0.0 && i <= last; i++)
            {
                double sigma = 1.0 / (2.0 * max * Math.Sqrt(seconds[i]));
                noise[i] = (float)(sigma / (sigma + NoiseScale));
            }
        }

        if (max <= 0.0)
        {
            // A pattern of zeros (or of pure flat background) has no lines; it maps to zeros, which the
            // network sees as "no phase", rather than to a division by zero.
            return;
        }

        for (int i = first; i <= last; i++)
        {
            output[i] = (float)(resampled[i] / max);
        }
    }

    private void Validate(ReadOnlySpan<double> twoTheta, ReadOnlySpan<double> counts, int outputLength)
    {
        if (twoTheta.Length != counts.Length)
        {
            throw new ArgumentException($"pattern has {twoTheta.Length} 2θ values but {counts.Length} counts", nameof(counts));
        }

        if (twoTheta.Length < MinimumPoints)
        {
            throw new ArgumentException($"pattern has {twoTheta.Length} points; at least {MinimumPoints} are needed", nameof(twoTheta));
        }

        if (outputLength != InputWidth)
        {
            throw new ArgumentException($"output has {outputLength} values but the input has {InputWidth} ({Grid.Points} grid points x {Channels} channels)", nameof(outputLength));
        }

        for (int i = 0; i < twoTheta.Length; i++)
        {
            if (!double.IsFinite(twoTheta[i]))
            {
                throw new ArgumentException($"two-theta[{i}] is {twoTheta[i]}; 2θ must be finite", nameof(twoTheta));
            }

            if (i > 0 && !(twoTheta[i] > twoTheta[i - 1]))
            {
                throw new ArgumentException($"two-theta[{i}] = {twoTheta[i]} does not increase from two-theta[{i - 1}] = {twoTheta[i - 1]}", nameof(twoTheta));
            }

            if (double.IsNaN(counts[i]) || double.IsInfinity(counts[i]))
            {
                throw new ArgumentException($"counts[{i}] is {counts[i]} (at 2θ = {twoTheta[i]}°); counts must be finite", nameof(counts));
            }

            if (counts[i] < 0)
            {
                throw new ArgumentException($"counts[{i}] is negative ({counts[i]} at 2θ = {twoTheta[i]}°); counts cannot be negative", nameof(counts));
            }
        }
    }

    private void RemoveBackground(Span<double> values)
    {
        int half = Math.Max(1, (int)Math.Round(BackgroundWindow / Grid.Step / 2.0));
        double[] minimum = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int lo = Math.Max(0, i - half);
            int hi = Math.Min(values.Length - 1, i + half);
            double m = double.PositiveInfinity;
            for (int k = lo; k <= hi; k++)
            {
                m = Math.Min(m, values[k]);
            }

            minimum[i] = m;
        }

        // Running mean of the running minimum by prefix sums: the minimum alone is a staircase.
        double[] prefix = new double[values.Length + 1];
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i + 1] = prefix[i] + minimum[i];
        }

        for (int i = 0; i < values.Length; i++)
        {
            int lo = Math.Max(0, i - half);
            int hi = Math.Min(values.Length - 1, i + half);
            double background = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
            values[i] = Math.Max(0.0, values[i] - background);
        }
    }
}
