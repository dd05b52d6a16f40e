using AutoLab.ActiveLearning.Adaptive;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.ActiveLearning.Tests.Adaptive;

/// <summary>
/// The "adaptive-scan" strategy walks the sample changer's slots from the history alone: a fast full scan for a
/// new slot, the window the last analysis asked for while it is unsure, the next slot once it stopped (or ran out
/// of windows or faults), a faulted scan asked again, and no point once every slot is finished.
/// </summary>
public sealed class AdaptiveScanStrategyTests
{
    /// <summary>Knob values are copied or clipped, never computed, so they compare exactly.</summary>
    private const double Exact = 0.0;

    private static readonly SearchSpace Space = new(
    [
        new ParameterDefinition { Name = "slot", Kind = ParameterKind.Integer, Lower = 1, Upper = 3 },
        new ParameterDefinition { Name = "two_theta_start", Kind = ParameterKind.Continuous, Lower = 10, Upper = 80 },
        new ParameterDefinition { Name = "two_theta_stop", Kind = ParameterKind.Continuous, Lower = 10, Upper = 80 },
        new ParameterDefinition { Name = "count_time", Kind = ParameterKind.Continuous, Lower = 0.001, Upper = 1 },
    ]);

    private static readonly Dictionary<string, string> Options = new() { ["fast_count_time"] = "0.01", ["max_windows"] = "2" };

    private static IReadOnlyList<ParameterPoint> Suggest(int count, IReadOnlyList<Observation> history, IReadOnlyList<ParameterPoint>? pending = null) =>
        new AdaptiveScanStrategy().Suggest(new SuggestionRequest
        {
            Space = Space,
            Count = count,
            History = history,
            Pending = pending ?? [],
            Options = new StrategyOptions(Options),
        });

    private static ParameterPoint Scan(int slot, double start, double stop, double countTime) => new()
    {
        Values = new Dictionary<string, double> { ["slot"] = slot, ["two_theta_start"] = start, ["two_theta_stop"] = stop, ["count_time"] = countTime },
    };

    private static Observation Done(int sequence, ParameterPoint point, bool stop, double nextStart = 30, double nextStop = 34, double nextTime = 0.08) => new()
    {
        ExperimentId = Guid.NewGuid(),
        Sequence = sequence,
        Parameters = point,
        Objectives = new Dictionary<string, double>
        {
            ["stop"] = stop ? 1 : 0,
            ["confident"] = stop ? 1 : 0,
            ["next_two_theta_start"] = nextStart,
            ["next_two_theta_stop"] = nextStop,
            ["next_count_time"] = nextTime,
        },
    };

    private static Observation Faulted(int sequence, ParameterPoint point) => new() { ExperimentId = Guid.NewGuid(), Sequence = sequence, Parameters = point, Succeeded = false };

    private static void AssertScan(ParameterPoint point, int slot, double start, double stop, double countTime)
    {
        Assert.Equal(slot, point.Values["slot"]);
        Assert.Equal(start, point.Values["two_theta_start"], Exact);
        Assert.Equal(stop, point.Values["two_theta_stop"], Exact);
        Assert.Equal(countTime, point.Values["count_time"], Exact);
    }

    [Fact]
    public void A_new_campaign_starts_with_a_fast_full_scan_of_the_first_slot()
    {
        IReadOnlyList<ParameterPoint> points = Suggest(1, []);

        AssertScan(Assert.Single(points), 1, 10, 80, 0.01);
    }

    [Fact]
    public void An_unsure_slot_gets_the_window_its_last_analysis_asked_for()
    {
        IReadOnlyList<ParameterPoint> points = Suggest(1, [Done(1, Scan(1, 10, 80, 0.01), stop: false, 42, 46, 0.08)]);

        AssertScan(Assert.Single(points), 1, 42, 46, 0.08);
    }

    [Fact]
    public void A_window_beyond_the_knobs_bounds_is_clipped_to_them()
    {
        IReadOnlyList<ParameterPoint> points = Suggest(1, [Done(1, Scan(1, 10, 80, 0.01), stop: false, 78, 82, 5)]);

        AssertScan(Assert.Single(points), 1, 78, 80, 1);
    }

    [Fact]
    public void A_slot_that_stopped_moves_on_to_the_next_slot_with_a_fast_full_scan()
    {
        IReadOnlyList<ParameterPoint> points = Suggest(1, [Done(1, Scan(1, 10, 80, 0.01), stop: true)]);

        AssertScan(Assert.Single(points), 2, 10, 80, 0.01);
    }

    [Fact]
    public void A_slot_that_used_its_windows_is_finished_even_when_unsure()
    {
        Observation[] history =
        [
            Done(1, Scan(1, 10, 80, 0.01), stop: false),
            Done(2, Scan(1, 30, 34, 0.08), stop: false),
            Done(3, Scan(1, 30, 34, 0.08), stop: false),
        ];

        AssertScan(Assert.Single(Suggest(1, history)), 2, 10, 80, 0.01);
    }

    [Fact]
    public void A_faulted_scan_is_asked_again_and_a_slot_is_given_up_after_three_faults()
    {
        ParameterPoint fast = Scan(1, 10, 80, 0.01);

        AssertScan(Assert.Single(Suggest(1, [Faulted(1, fast)])), 1, 10, 80, 0.01);
        AssertScan(Assert.Single(Suggest(1, [Faulted(1, fast), Faulted(2, fast), Faulted(3, fast)])), 2, 10, 80, 0.01);
    }

    [Fact]
    public void Only_faults_in_a_row_give_a_slot_up_so_scattered_transient_faults_do_not()
    {
        ParameterPoint fast = Scan(1, 10, 80, 0.01);
        ParameterPoint window = Scan(1, 30, 34, 0.08);
        Observation[] scattered = [Faulted(1, fast), Faulted(2, fast), Done(3, fast, stop: false), Faulted(4, window), Faulted(5, window)];

        AssertScan(Assert.Single(Suggest(1, scattered)), 1, 30, 34, 0.08);
        AssertScan(Assert.Single(Suggest(1, [.. scattered, Faulted(6, window)])), 2, 10, 80, 0.01);
    }

    [Fact]
    public void A_batch_measures_different_slots_and_skips_slots_in_flight()
    {
        IReadOnlyList<ParameterPoint> batch = Suggest(2, [Done(1, Scan(1, 10, 80, 0.01), stop: false, 50, 54, 0.08)]);
        IReadOnlyList<ParameterPoint> beside = Suggest(1, [], pending: [Scan(1, 10, 80, 0.01)]);

        Assert.Equal(2, batch.Count);
        AssertScan(batch[0], 1, 50, 54, 0.08);
        AssertScan(batch[1], 2, 10, 80, 0.01);
        AssertScan(Assert.Single(beside), 2, 10, 80, 0.01);
    }

    [Fact]
    public void When_every_slot_is_finished_no_point_is_suggested_so_the_campaign_ends()
    {
        Observation[] history = [.. Enumerable.Range(1, 3).Select(s => Done(s, Scan(s, 10, 80, 0.01), stop: true))];

        Assert.Empty(Suggest(4, history));
    }

    [Fact]
    public void A_space_without_the_slot_knob_is_refused_naming_it()
    {
        SearchSpace space = new([new ParameterDefinition { Name = "x", Kind = ParameterKind.Continuous, Lower = 0, Upper = 1 }]);

        SuggestionException error = Assert.Throws<SuggestionException>(() => new AdaptiveScanStrategy().Suggest(new SuggestionRequest { Space = space, Count = 1 }));

        Assert.Contains("'slot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_without_the_analysis_outputs_is_refused_naming_the_stage()
    {
        Observation bare = new() { ExperimentId = Guid.NewGuid(), Sequence = 1, Parameters = Scan(1, 10, 80, 0.01), Objectives = new Dictionary<string, double> { ["y"] = 1 } };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Suggest(1, [bare]));

        Assert.Contains("adaptive-xrd", error.Message, StringComparison.Ordinal);
    }

    private static readonly SearchSpace NumberedSpace = new(
    [
        .. Space.Parameters,
        new ParameterDefinition { Name = "window", Kind = ParameterKind.Integer, Lower = 0, Upper = 2 },
    ]);

    private static IReadOnlyList<ParameterPoint> SuggestNumbered(IReadOnlyList<Observation> history) =>
        new AdaptiveScanStrategy().Suggest(new SuggestionRequest { Space = NumberedSpace, Count = 1, History = history, Options = new StrategyOptions(Options) });

    /// <summary>A scan whose analysis asks for a window of two segments, 30–30.4° and 50–50.4°, at 0.08 s per point.</summary>
    private static Observation AsksForSegments(int sequence, ParameterPoint point, bool stop = false)
    {
        Observation done = Done(sequence, point, stop, 30, 50.4, 0.08);
        Dictionary<string, double> outputs = new(done.Objectives)
        {
            ["next_scans"] = 2,
            ["next_scan_1_start"] = 30,
            ["next_scan_1_stop"] = 30.4,
            ["next_scan_2_start"] = 50,
            ["next_scan_2_stop"] = 50.4,
        };
        return done with { Objectives = outputs };
    }

    private static ParameterPoint Numbered(ParameterPoint point, int window) =>
        new() { Values = new Dictionary<string, double>(point.Values) { ["window"] = window } };

    [Fact]
    public void A_segmented_window_is_measured_one_segment_per_experiment_and_only_its_last_segment_decides()
    {
        ParameterPoint fast = Numbered(Scan(1, 10, 80, 0.01), 0);
        ParameterPoint first = Numbered(Scan(1, 30, 30.4, 0.08), 1);
        ParameterPoint second = Numbered(Scan(1, 50, 50.4, 0.08), 1);

        ParameterPoint afterFast = Assert.Single(SuggestNumbered([AsksForSegments(1, fast)]));
        // The first segment's own analysis says stop; it saw half the window, so the window goes on.
        ParameterPoint afterFirst = Assert.Single(SuggestNumbered([AsksForSegments(1, fast), Done(2, first, stop: true)]));
        ParameterPoint afterWindow = Assert.Single(SuggestNumbered([AsksForSegments(1, fast), Done(2, first, stop: true), Done(3, second, stop: true)]));

        AssertScan(afterFast, 1, 30, 30.4, 0.08);
        Assert.Equal(1, afterFast.Values["window"]);
        AssertScan(afterFirst, 1, 50, 50.4, 0.08);
        Assert.Equal(1, afterFirst.Values["window"]);
        AssertScan(afterWindow, 2, 10, 80, 0.01);
        Assert.Equal(0, afterWindow.Values["window"]);
    }

    [Fact]
    public void Max_windows_counts_windows_not_scans_and_a_faulted_segment_is_asked_again()
    {
        ParameterPoint fast = Numbered(Scan(1, 10, 80, 0.01), 0);
        ParameterPoint a1 = Numbered(Scan(1, 30, 30.4, 0.08), 1);
        ParameterPoint b1 = Numbered(Scan(1, 50, 50.4, 0.08), 1);
        ParameterPoint a2 = Numbered(Scan(1, 30, 30.4, 0.08), 2);
        ParameterPoint b2 = Numbered(Scan(1, 50, 50.4, 0.08), 2);
        List<Observation> history = [AsksForSegments(1, fast), AsksForSegments(2, a1), AsksForSegments(3, b1), AsksForSegments(4, a2)];

        ParameterPoint secondWindow = Assert.Single(SuggestNumbered(history));
        ParameterPoint retried = Assert.Single(SuggestNumbered([.. history, Faulted(5, b2)]));
        ParameterPoint spent = Assert.Single(SuggestNumbered([.. history, Faulted(5, b2), AsksForSegments(6, b2)]));

        AssertScan(secondWindow, 1, 50, 50.4, 0.08);
        Assert.Equal(2, secondWindow.Values["window"]);
        AssertScan(retried, 1, 50, 50.4, 0.08);
        // Two windows of two segments each: max_windows 2 is spent after five scans, though the last still asks for more.
        AssertScan(spent, 2, 10, 80, 0.01);
    }

    [Fact]
    public void A_window_knob_whose_bounds_cannot_number_every_window_is_refused_naming_it()
    {
        SearchSpace narrow = new([.. Space.Parameters, new ParameterDefinition { Name = "window", Kind = ParameterKind.Integer, Lower = 0, Upper = 1 }]);

        SuggestionException error = Assert.Throws<SuggestionException>(() =>
            new AdaptiveScanStrategy().Suggest(new SuggestionRequest { Space = narrow, Count = 1, Options = new StrategyOptions(Options) }));

        Assert.Contains("'window'", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_windows (2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_asking_for_a_fractional_number_of_scans_is_refused_naming_the_output()
    {
        Observation odd = AsksForSegments(1, Scan(1, 10, 80, 0.01));
        odd = odd with { Objectives = new Dictionary<string, double>(odd.Objectives) { ["next_scans"] = 1.5 } };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Suggest(1, [odd]));

        Assert.Contains("'next_scans'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_registers_it_as_a_strategy_that_needs_history()
    {
        using ServiceProvider provider = new ServiceCollection().AddAutoLabActiveLearning().BuildServiceProvider();

        Assert.True(provider.GetRequiredService<StrategyRegistry>().NeedsHistory(AdaptiveScanStrategy.StrategyName), "the strategy reads every slot's scans from the history");
    }
}
