using System.Globalization;
using AutoLab.Contracts;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// Reads a scan from a point's knobs <c>two_theta_start</c>, <c>two_theta_stop</c> (degrees) and <c>count_time</c>
/// (s per point), each optional, against the instrument's configured scan.
/// </summary>
/// <remarks>
/// The goniometer steps on the configured scan's grid (its start and step), so a requested window is snapped
/// to the nearest grid points; scans of one sample then add up point by point
/// (<see cref="DiffractometerAccumulator"/>). A knob the point does not carry keeps the configured value. A
/// window outside the configured range is refused rather than clipped: the configured range is the
/// instrument's safe range for the campaign.
/// </remarks>
public static class DiffractometerScanKnobs
{
    /// <summary>Knob: first 2θ of the scan (degrees).</summary>
    public const string Start = "two_theta_start";

    /// <summary>Knob: last 2θ of the scan (degrees).</summary>
    public const string Stop = "two_theta_stop";

    /// <summary>Knob: counting time per point (s).</summary>
    public const string CountTime = XrdOptionKeys.CountTime;

    /// <summary>Longest counting time per point a knob may ask for (s): one day.</summary>
    public const double MaxCountTime = 86_400;

    /// <summary>Why the point's knobs cannot be scanned on <paramref name="configured"/>, or null when they can.</summary>
    /// <param name="point">The point.</param>
    /// <param name="configured">The instrument's configured scan (range, step, default count time).</param>
    /// <returns>A message naming the knob, or null.</returns>
    public static string? Problem(ParameterPoint point, ScanRange configured) => Read(point, configured, out _);

    /// <summary>The scan the point asks for, on the configured grid.</summary>
    /// <param name="point">The point.</param>
    /// <param name="configured">The instrument's configured scan.</param>
    /// <returns>The configured scan when the point has no knobs, else the snapped window with its count time.</returns>
    /// <exception cref="ArgumentException">A knob is out of range (see <see cref="Problem"/>).</exception>
    public static ScanRange Resolve(ParameterPoint point, ScanRange configured) =>
        Read(point, configured, out ScanRange? scan) is { } problem ? throw new ArgumentException(problem, nameof(point)) : scan!;

    private static string? Read(ParameterPoint point, ScanRange configured, out ScanRange? scan)
    {
        scan = null;
        int last = configured.Points - 1;
        double lastAngle = configured.At(last);
        bool hasStart = point.Values.TryGetValue(Start, out double start);
        bool hasStop = point.Values.TryGetValue(Stop, out double stop);
        bool hasTime = point.Values.TryGetValue(CountTime, out double countTime);
        if (!hasStart && !hasStop && !hasTime)
        {
            scan = configured;
            return null;
        }

        // Half a step of slack: a knob at the range's end may differ from the grid point by rounding.
        double slack = configured.Step * 0.5;
        if (hasStart && !(start >= configured.Start - slack && start <= lastAngle + slack))
        {
            return $"knob '{Start}' = {Text(start)}° is outside the diffractometer's range {Text(configured.Start)}–{Text(lastAngle)}°";
        }

        if (hasStop && !(stop >= configured.Start - slack && stop <= lastAngle + slack))
        {
            return $"knob '{Stop}' = {Text(stop)}° is outside the diffractometer's range {Text(configured.Start)}–{Text(lastAngle)}°";
        }

        if (hasTime && !(countTime > 0 && countTime <= MaxCountTime))
        {
            return $"knob '{CountTime}' = {Text(countTime)} s per point must be in (0, {Text(MaxCountTime)}] s";
        }

        int first = hasStart ? Math.Clamp((int)Math.Round((start - configured.Start) / configured.Step), 0, last) : 0;
        int end = hasStop ? Math.Clamp((int)Math.Round((stop - configured.Start) / configured.Step), 0, last) : last;
        if (end <= first)
        {
            return $"knob '{Stop}' = {Text(hasStop ? stop : lastAngle)}° must lie at least one step ({Text(configured.Step)}°) above '{Start}' = {Text(hasStart ? start : configured.Start)}°";
        }

        // Half a step past the last point so that rounding in ScanRange cannot drop it.
        scan = new ScanRange(configured.At(first), configured.At(end) + slack, configured.Step, hasTime ? countTime : configured.CountTime);
        return null;
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
