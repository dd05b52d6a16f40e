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
/// A slot is finished when its last completed scan reports <c>stop</c> = 1 (or <c>confident</c> = 1), after
/// 1 + <c>max_windows</c> completed scans, or after <c>max_faults</c> faulted ones. A slot's next point is the
/// full range at <c>fast_count_time</c> when nothing of it completed yet, else the window of its last completed
/// scan's <c>next_two_theta_start</c>, <c>next_two_theta_stop</c> and <c>next_count_time</c>, clipped to the
/// knobs' bounds; a faulted scan is asked again. A batch of several points measures several slots at once
/// (each slot at most once in flight); when every slot is finished the strategy returns no point and the
/// campaign ends.</para>
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

        HashSet<int> busy = [.. request.Pending.Where(p => p.Values.ContainsKey(SlotParameter)).Select(p => SlotOf(p))];
        ILookup<int, Observation> bySlot = request.History.Where(o => o.Parameters.Values.ContainsKey(SlotParameter)).ToLookup(o => SlotOf(o.Parameters));
        List<ParameterPoint> points = [];
        for (int s = (int)Math.Ceiling(slot.Lower); s <= (int)Math.Floor(slot.Upper) && points.Count < request.Count; s++)
        {
            Observation[] scans = [.. bySlot[s].OrderBy(o => o.Sequence)];
            Observation[] completed = [.. scans.Where(o => o.Succeeded)];
            if (busy.Contains(s) || IsFinished(completed, scans.Length - completed.Length, maxWindows, maxFaults))
            {
                continue;
            }

            (double from, double to, double countTime) = completed.Length == 0
                ? (start.Lower, stop.Upper, fast)
                : Window(completed[^1], start, stop, time);
            points.Add(new ParameterPoint
            {
                Values = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    [SlotParameter] = s,
                    [StartParameter] = from,
                    [StopParameter] = to,
                    [CountTimeParameter] = countTime,
                },
            });
        }

        return points;
    }

    /// <summary>Whether a slot needs no more scans.</summary>
    /// <param name="completed">Its completed scans, in order.</param>
    /// <param name="faulted">How many of its scans faulted.</param>
    /// <param name="maxWindows">Most windows after the fast scan.</param>
    /// <param name="maxFaults">Faulted scans after which the slot is given up.</param>
    /// <returns>True when finished.</returns>
    public static bool IsFinished(IReadOnlyList<Observation> completed, int faulted, int maxWindows, int maxFaults)
    {
        if (faulted >= maxFaults || completed.Count >= 1 + maxWindows)
        {
            return true;
        }

        return completed.Count > 0 && (Flag(completed[^1], "stop") || Flag(completed[^1], "confident"));
    }

    private static bool Flag(Observation observation, string name) =>
        observation.Objectives.TryGetValue(name, out double value) && value >= 0.5;

    private static (double From, double To, double CountTime) Window(Observation last, ParameterDefinition start, ParameterDefinition stop, ParameterDefinition time)
    {
        double Output(string name) => last.Objectives.TryGetValue(name, out double value) && double.IsFinite(value)
            ? value
            : throw new SuggestionException(
                $"strategy '{StrategyName}' reads '{name}' from the analysis of each scan (stage 'adaptive-xrd'); experiment {last.Sequence.ToString(CultureInfo.InvariantCulture)} has no such output");
        double from = Math.Clamp(Output("next_two_theta_start"), start.Lower, start.Upper);
        double to = Math.Clamp(Output("next_two_theta_stop"), stop.Lower, stop.Upper);
        double countTime = Math.Clamp(Output("next_count_time"), time.Lower, time.Upper);
        return (from, to, countTime);
    }

    private static int SlotOf(ParameterPoint point) => (int)Math.Round(point.Values[SlotParameter]);

    private static ParameterDefinition Require(SuggestionRequest request, string name, ParameterKind kind) =>
        request.Space.Parameters.FirstOrDefault(p => p.Name == name && p.Kind == kind)
        ?? throw new SuggestionException($"strategy '{StrategyName}' needs a {kind.ToString().ToLowerInvariant()} parameter '{name}' in the space");
}
