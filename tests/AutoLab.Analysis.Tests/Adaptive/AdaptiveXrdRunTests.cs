using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Adaptive;

/// <summary>
/// A full adaptive run with a small identifier trained in seconds: a well-counted sample stops after the fast
/// scan, an unreachable threshold stops at the step bound, and every scan is logged with its decision.
/// </summary>
public class AdaptiveXrdRunTests(AdaptiveXrdRunTests.TinyIdentifier model) : IClassFixture<AdaptiveXrdRunTests.TinyIdentifier>
{
    // Time is points × count time; summing doubles over a few hundred points is exact to far below this.
    private const double TimeTolerance = 1e-9;

    [Fact]
    public void A_sample_counted_long_enough_stops_confident_after_the_fast_scan()
    {
        AdaptiveXrdPolicy policy = model.Policy(new AdaptiveXrdOptions { FastCountTime = 1.0, ConfidenceThreshold = 0.9 });

        AdaptiveXrdResult result = AdaptiveXrdRun.Run(model.Identifier, policy, model.Sample(1), new PowderPatternSimulator(), seed: 3);

        Assert.True(result.Confident, $"confidence {result.Confidence:F3} after a 1 s/point scan should reach 0.9");
        Assert.Single(result.Steps);
        Assert.Equal("confident", result.Steps[0].Decision.Reason);
        Assert.True(result.Correct, $"identified [{string.Join(", ", result.Identified)}] instead of alpha-Fe");
        Assert.Equal(model.Grid.Points * 1.0, result.TotalSeconds, TimeTolerance);
    }

    [Fact]
    public void An_unreachable_threshold_stops_at_the_step_bound_with_every_window_logged()
    {
        AdaptiveXrdOptions options = new() { FastCountTime = 0.005, ConfidenceThreshold = 1.0, MaxSteps = 2, WindowWidth = 6.0 };
        AdaptiveXrdPolicy policy = model.Policy(options);

        AdaptiveXrdResult result = AdaptiveXrdRun.Run(model.Identifier, policy, model.Sample(1), new PowderPatternSimulator(), seed: 4);

        Assert.Equal(options.MaxSteps + 1, result.Steps.Count);
        Assert.Equal("max-steps", result.Steps[^1].Decision.Reason);
        Assert.All(result.Steps.Take(options.MaxSteps), s => Assert.Equal("window", s.Decision.Reason));
        Assert.All(result.Steps.Skip(1), s => Assert.Equal(options.FastCountTime * options.WindowCountFactor, s.CountTime, TimeTolerance));
        Assert.All(result.Steps.Skip(1), s => Assert.InRange(s.ScanStop - s.ScanStart, options.WindowWidth - model.Grid.Step, options.WindowWidth + model.Grid.Step));
        Assert.Equal(result.Steps.Sum(s => s.Seconds), result.TotalSeconds, TimeTolerance);
        Assert.False(result.Confident);
    }

    [Fact]
    public void A_segmented_window_is_measured_as_its_scans_and_costs_no_more_than_the_span()
    {
        AdaptiveXrdOptions options = new() { FastCountTime = 0.005, ConfidenceThreshold = 1.0, MaxSteps = 2, WindowWidth = 6.0, SegmentWidth = 0.5 };
        AdaptiveXrdPolicy policy = model.Policy(options);

        AdaptiveXrdResult result = AdaptiveXrdRun.Run(model.Identifier, policy, model.Sample(1), new PowderPatternSimulator(), seed: 4);

        int spanPoints = (int)Math.Round(options.WindowWidth / model.Grid.Step) + 1;
        double windowCountTime = options.FastCountTime * options.WindowCountFactor;
        Assert.Equal(options.MaxSteps + 1, result.Steps.Count);
        for (int s = 1; s < result.Steps.Count; s++)
        {
            // The window measured at step s is the one decided after step s − 1: its scans' points at the window's time.
            IReadOnlyList<ScanRange> scans = result.Steps[s - 1].Decision.Scans;
            Assert.True(scans.Count >= 2, $"step {s} should have been measured as several segments, not {scans.Count}");
            Assert.Equal(scans.Sum(r => r.Points) * windowCountTime, result.Steps[s].Seconds, TimeTolerance);
            Assert.True(result.Steps[s].Seconds <= (spanPoints * windowCountTime) + TimeTolerance, $"step {s} counted {result.Steps[s].Seconds} s, more than a {options.WindowWidth}° span would");
        }

        Assert.Equal(result.Steps.Sum(s => s.Seconds), result.TotalSeconds, TimeTolerance);
    }

    [Fact]
    public void Phases_other_than_the_identifiers_are_refused()
    {
        AdaptiveXrdPolicy other = new([.. model.Phases.Reverse()], model.Grid, new DiffractometerSettings(), new AdaptiveXrdOptions());

        Assert.Throws<ArgumentException>(() => AdaptiveXrdRun.Run(model.Identifier, other, model.Sample(0), new PowderPatternSimulator(), seed: 1));
    }

    /// <summary>A 3-phase, 2-member identifier on a coarse grid, trained once for the class.</summary>
    public sealed class TinyIdentifier : IDisposable
    {
        public TinyIdentifier()
        {
            Phases =
            [
                new DiagramPhase("Al", BuiltInStructures.Get("Al")),
                new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
                new DiagramPhase("Ni3Al", BuiltInStructures.Get("Ni3Al")),
            ];
            // Broad lines suit the coarse 0.125° grid; one libtorch thread on the shared two-core machine.
            PhaseIdentifierOptions options = new()
            {
                Data = new XrdTrainingSetOptions
                {
                    Grid = Grid,
                    PhaseCountProportions = [0.6, 0.4],
                    MinimumCrystalliteSize = 10.0,
                    MaximumCrystalliteSize = 40.0,
                },
                TrainingPatterns = 400,
                ValidationPatterns = 100,
                EnsembleSize = 2,
                ConvChannels = [8, 16],
                ConvKernels = [7, 5],
                Pool = 4,
                HiddenSizes = [32],
                Epochs = 6,
                BatchSize = 32,
                LearningRate = 3e-3f,
                Threads = 1,
            };
            Identifier = PhaseIdentifier.Train(Phases, options, seed: 11);
        }

        public XrdPatternGrid Grid { get; } = new(20.0, 80.0, 480);

        public IReadOnlyList<DiagramPhase> Phases { get; }

        public PhaseIdentifier Identifier { get; }

        public AdaptiveXrdPolicy Policy(AdaptiveXrdOptions options) =>
            new(Phases, Grid, new DiffractometerSettings(), options);

        public AdaptiveXrdSample Sample(int phase) =>
            new([new PhaseContribution(Phases[phase].Structure, 1.0, 25.0)], new DiffractometerSettings(), [phase]);

        public void Dispose() => Identifier.Dispose();
    }
}
