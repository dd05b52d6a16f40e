using System.Globalization;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Adaptive;

/// <summary>
/// "adaptive-scan": adaptive XRD over a sample changer. Each sample gets a fast full scan, then the windows its
/// analysis asks for, until the analysis says stop; then the next sample.
/// </summary>
/// <remarks>
/// <para>The procedure of XRD-AutoAnalyzer's adaptive scans (Szymanski et al., npj Comput. Mater. 9, 31, 2023):
/// the analysis stage <c>adaptive-xrd</c> decides after each scan (confident, or the window that best separates
/// the phases still in doubt); this strategy only turns its outputs into the next point. It is stateless: slots,
/// scans and decisions are read from the history, so a restarted service or another replica answers the same.</para>
/// <para>The space must hold the integer <c>slot</c> (its bounds are the slots visited, in order) and the
/// continuous knobs <c>two_theta_start</c>, <c>two_theta_stop</c> (degrees) and <c>count_time</c> (s per point).
/// A window is one scan, or several when the analysis places it as short segments (its outputs
/// <c>next_scans</c> = K and <c>next_scan_k_start</c>, <c>next_scan_k_stop</c> for k = 1 … K); each segment is an
/// experiment of its own, and the window's decision is the analysis of its last segment, which sees them all
/// merged. With an integer knob <c>window</c> in the space each point carries its window's number (0 for the fast
/// scan), which the analysis needs to count windows when they take several scans. A slot is finished when the
/// decision of its last whole window (or of its fast scan) reports <c>stop</c> = 1 (or <c>confident</c> = 1), after
/// <c>max_windows</c> windows, or after <c>max_faults</c> faulted scans in a row. A slot's next point is the full range at
/// <c>fast_count_time</c> when nothing of it completed yet, else the next segment of the window its last decision
/// asked for (<c>next_two_theta_start</c>, <c>next_two_theta_stop</c> and <c>next_count_time</c> when it reports no
/// <c>next_scans</c>), clipped to the knobs' bounds; a faulted scan is asked again. A batch of several points
/// measures several slots at once (each slot at most once in flight); when every slot is finished the strategy
/// returns no point and the campaign ends.</para>
/// <para>Run it with <c>batch_size: 1</c> (one diffractometer measures one sample at a time anyway): the campaign
/// saga ends a campaign when a reply with no point arrives while nothing is in flight, also when the scan that was
/// in flight at the request (so its slot was busy) finished before the reply; with a batch of 2 the last slot
/// could then be left unfinished.</para>
/// <para>Options: <c>fast_count_time</c> (s per point, default the lower bound of <c>count_time</c>),
/// <c>max_windows</c> (default 4), <c>max_faults</c> (default 3).</para>
/// </remarks>
public sealed class AdaptiveScanStrategy : ISuggestionStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "adaptive-scan";

    /// <summary>The integer parameter selecting the sample changer's slot.</summary>
    public const string SlotParameter = "slot";

    /// <summary>Knob: first 2θ of the scan (degrees).</summary>
    public const string StartParameter = "two_theta_start";

    /// <summary>Knob: last 2θ of the scan (degrees).</summary>
    public const string StopParameter = "two_theta_stop";

    /// <summary>Knob: counting time per point (s).</summary>
    public const string CountTimeParameter = "count_time";

    /// <summary>Optional integer knob: the window a scan belongs to, 0 for the fast scan.</summary>
    public const string WindowParameter = "window";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        request.Options.RequireKnown(Name, "fast_count_time", "max_windows", "max_faults");
        ParameterDefinition slot = Require(request, SlotParameter, ParameterKind.Integer);
        ParameterDefinition start = Require(request, StartParameter, ParameterKind.Continuous);
        ParameterDefinition stop = Require(request, StopParameter, ParameterKind.Continuous);
        ParameterDefinition time = Require(request, CountTimeParameter, ParameterKind.Continuous);
        double fast = request.Options.GetDouble("fast_count_time", time.Lower, time.Lower, time.Upper);
        int maxWindows = request.Options.GetInt32("max_windows", 4, 0);
        int maxFaults = request.Options.GetInt32("max_faults", 3, 1);

        ParameterDefinition? window = request.Space.Parameters.FirstOrDefault(p => p.Name == WindowParameter && p.Kind == ParameterKind.Integer);
        if (window is not null && (window.Lower > 0 || window.Upper < maxWindows))
        {
            throw new SuggestionException(
                $"strategy '{StrategyName}': the knob '{WindowParameter}' numbers the windows 0 (the fast scan) to max_windows ({maxWindows.ToString(CultureInfo.InvariantCulture)}); its bounds [{window.Lower.ToString(CultureInfo.InvariantCulture)}, {window.Upper.ToString(CultureInfo.InvariantCulture)}] must include them");
        }

        HashSet<int> busy = [.. request.Pending.Where(p => p.Values.ContainsKey(SlotParameter)).Select(p => SlotOf(p))];
        ILookup<int, Observation> bySlot = request.History.Where(o => o.Parameters.Values.ContainsKey(SlotParameter)).ToLookup(o => SlotOf(o.Parameters));
        List<ParameterPoint> points = [];
        for (int s = (int)Math.Ceiling(slot.Lower); s <= (int)Math.Floor(slot.Upper) && points.Count < request.Count; s++)
        {
            Observation[] scans = [.. bySlot[s].OrderBy(o => o.Sequence)];
            Observation[] completed = [.. scans.Where(o => o.Succeeded)];
            if (busy.Contains(s) || FaultsInARow(scans) >= maxFaults)
            {
                continue;
            }

            NextScan? next = completed.Length == 0
                ? new NextScan(start.Lower, stop.Upper, fast, 0)
                : Next(completed, maxWindows, start, stop, time);
            if (next is null)
            {
                continue;
            }

            Dictionary<string, double> values = new(StringComparer.Ordinal)
            {
                [SlotParameter] = s,
                [StartParameter] = next.From,
                [StopParameter] = next.To,
                [CountTimeParameter] = next.CountTime,
            };
            if (window is not null)
            {
                values[WindowParameter] = next.Window;
            }

            points.Add(new ParameterPoint { Values = values });
        }

        return points;
    }

    // Faults since the slot's last completed scan: a window of many segments may meet many transient faults in
    // all, and only a scan that keeps failing means the instrument cannot measure this sample.
    private static int FaultsInARow(Observation[] scans)
    {
        int faults = 0;
        for (int i = scans.Length - 1; i >= 0 && !scans[i].Succeeded; i--)
        {
            faults++;
        }

        return faults;
    }

    // Walks a slot's completed scans window by window: the fast scan decides first; each decision asks for a
    // window of K scans, and the K-th completed scan after it carries the next decision. Returns the next scan,
    // or null when the last decision stopped or the windows are spent.
    private static NextScan? Next(Observation[] completed, int maxWindows, ParameterDefinition start, ParameterDefinition stop, ParameterDefinition time)
    {
        int decider = 0;
        int windows = 0;
        while (true)
        {
            Observation decision = completed[decider];
            if (Flag(decision, "stop") || Flag(decision, "confident") || windows >= maxWindows)
            {
                return null;
            }

            IReadOnlyList<(double From, double To)> window = Window(decision, start, stop);
            int measured = completed.Length - decider - 1;
            if (measured < window.Count)
            {
                (double from, double to) = window[measured];
                return new NextScan(from, to, Math.Clamp(Output(decision, "next_count_time"), time.Lower, time.Upper), windows + 1);
            }

            decider += window.Count;
            windows++;
        }
    }

    private static bool Flag(Observation observation, string name) =>
        observation.Objectives.TryGetValue(name, out double value) && value >= 0.5;

    private static double Output(Observation observation, string name) =>
        observation.Objectives.TryGetValue(name, out double value) && double.IsFinite(value)
            ? value
            : throw new SuggestionException(
                $"strategy '{StrategyName}' reads '{name}' from the analysis of each scan (stage 'adaptive-xrd'); experiment {observation.Sequence.ToString(CultureInfo.InvariantCulture)} has no such output");

    // The scans of the window a decision asks for: its segments when it reports next_scans, else one range.
    private static IReadOnlyList<(double From, double To)> Window(Observation decision, ParameterDefinition start, ParameterDefinition stop)
    {
        (double, double) Clipped(double from, double to) => (Math.Clamp(from, start.Lower, start.Upper), Math.Clamp(to, stop.Lower, stop.Upper));
        if (!decision.Objectives.ContainsKey("next_scans"))
        {
            return [Clipped(Output(decision, "next_two_theta_start"), Output(decision, "next_two_theta_stop"))];
        }

        double count = Output(decision, "next_scans");
        if (!(count >= 1) || count != Math.Floor(count))
        {
            throw new SuggestionException(
                $"strategy '{StrategyName}': experiment {decision.Sequence.ToString(CultureInfo.InvariantCulture)} asks for {count.ToString(CultureInfo.InvariantCulture)} scans ('next_scans'); a window needs a whole number of at least 1");
        }

        return [.. Enumerable.Range(1, (int)count).Select(k => Clipped(
            Output(decision, string.Create(CultureInfo.InvariantCulture, $"next_scan_{k}_start")),
            Output(decision, string.Create(CultureInfo.InvariantCulture, $"next_scan_{k}_stop"))))];
    }

    private sealed record NextScan(double From, double To, double CountTime, int Window);

    private static int SlotOf(ParameterPoint point) => (int)Math.Round(point.Values[SlotParameter]);

    private static ParameterDefinition Require(SuggestionRequest request, string name, ParameterKind kind) =>
        request.Space.Parameters.FirstOrDefault(p => p.Name == name && p.Kind == kind)
        ?? throw new SuggestionException($"strategy '{StrategyName}' needs a {kind.ToString().ToLowerInvariant()} parameter '{name}' in the space");
}
