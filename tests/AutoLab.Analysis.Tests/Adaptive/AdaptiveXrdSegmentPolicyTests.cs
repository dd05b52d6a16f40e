using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Adaptive;

/// <summary>
/// With a segment width the policy spreads a window's points over short segments at the lines that separate the
/// candidates, instead of one span that holds one of them.
/// </summary>
public class AdaptiveXrdSegmentPolicyTests
{
    // Cu Kα1: Al (111) at 38.47° and Al (311) at 78.23° have no α-Fe line near them; Al (200) / α-Fe (110) near 44.7°
    // and Al (220) / α-Fe (200) near 65° are shared.
    private static readonly double[] AluminiumOnlyLines = [38.47, 78.23];

    private static readonly XrdPatternGrid Grid = new(20.0, 80.0, 480);

    private static readonly IReadOnlyList<DiagramPhase> Phases =
    [
        new DiagramPhase("Al", BuiltInStructures.Get("Al")),
        new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
    ];

    private static readonly AdaptiveXrdOptions Span = new() { WindowWidth = 6.0, FastCountTime = 0.05 };

    [Fact]
    public void Segments_cover_every_line_only_one_candidate_has()
    {
        AdaptiveXrdDecision decision = Decide(Span with { SegmentWidth = 0.5 });

        foreach (double line in AluminiumOnlyLines)
        {
            Assert.Contains(decision.Scans, s => s.Start <= line && s.At(s.Points - 1) >= line);
        }

        Assert.True(decision.WindowStart <= AluminiumOnlyLines[0] && decision.WindowStop >= AluminiumOnlyLines[1],
            $"the window's bounds {decision.WindowStart:F2}..{decision.WindowStop:F2}° should enclose its segments");
    }

    [Fact]
    public void Segments_spend_no_more_points_than_the_span_and_never_overlap()
    {
        AdaptiveXrdDecision span = Decide(Span);
        AdaptiveXrdDecision segments = Decide(Span with { SegmentWidth = 0.5 });

        ScanRange only = Assert.Single(span.Scans);
        Assert.Equal(span.WindowStart, only.Start, 9);
        Assert.True(segments.Scans.Count >= 2, $"expected several segments, got {segments.Scans.Count}");
        Assert.True(segments.Scans.Sum(s => s.Points) <= only.Points, $"{segments.Scans.Sum(s => s.Points)} segment points should not exceed the span's {only.Points}");
        Assert.All(segments.Scans, s => Assert.Equal(0.05 * 8.0, s.CountTime, 12));
        for (int i = 1; i < segments.Scans.Count; i++)
        {
            ScanRange before = segments.Scans[i - 1];
            Assert.True(segments.Scans[i].Start > before.At(before.Points - 1) + (Grid.Step / 2), $"segment {i} overlaps or touches segment {i - 1}");
        }
    }

    [Fact]
    public void A_segment_wider_than_the_window_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => (Span with { SegmentWidth = 7.0 }).Validate());

        Assert.Equal(nameof(AdaptiveXrdOptions.SegmentWidth), error.ParamName);
    }

    private static AdaptiveXrdDecision Decide(AdaptiveXrdOptions options)
    {
        AdaptiveXrdPolicy policy = new(Phases, Grid, new DiffractometerSettings(), options);
        AdaptiveXrdMeasurement measurement = new(Grid);
        measurement.Add(new PowderPatternSimulator().Expected(
            [new PhaseContribution(Phases[1].Structure, 1.0)], new DiffractometerSettings(), AdaptiveXrdPolicy.FullScan(Grid, options.FastCountTime)));
        PhasePrediction unsure = new(["Al", "alpha-Fe"], [0.45, 0.6], [0.0, 0.0], [0.0, 1.0], [0.0, 0.0], 1, 0.6);
        return policy.Decide(measurement, unsure, windowsMeasured: 0);
    }
}
