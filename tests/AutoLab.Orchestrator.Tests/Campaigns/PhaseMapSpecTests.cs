using System.Globalization;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.Specs;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Tests.Campaigns;

/// <summary>
/// The spec the phase-mapping benchmark runs through the engine sets the robot and the diffractometer up as the
/// direct lab simulates them (scatter, crystallite size, scan), points the phase-id stage at the benchmark's model,
/// and passes the strategy's outputs and level, and it is a valid campaign.
/// </summary>
public sealed class PhaseMapSpecTests : IDisposable
{
    // The robot's growth law and its inverse are one linear map each way; only rounding separates them.
    private const double SizeTolerance = 1e-9;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"autolab-phase-map-spec-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData(20.0)]
    [InlineData(54.772)]
    [InlineData(150.0)]
    public void The_annealing_temperature_grows_the_crystallites_the_lab_measures(double size)
    {
        double temperature = PhaseMapSpec.AnnealTemperatureFor(size);

        SynthesizedSample sample = SynthesisModel.Make(BuiltInPhaseDiagrams.FeNiAl(), new SynthesisSettings(), "s", [0.3, 0.3, 0.4], temperature, new Random(1));

        Assert.InRange(sample.CrystalliteSize, size - SizeTolerance, size + SizeTolerance);
    }

    [Fact]
    public void A_crystallite_size_the_robot_cannot_grow_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PhaseMapSpec.AnnealTemperatureFor(new SynthesisSettings().MaximumCrystalliteSize * 1.5));
    }

    [Fact]
    public void The_spec_is_a_valid_campaign_set_up_as_the_lab_simulates()
    {
        (PhaseIdentifier identifier, _) = PhaseMapBenchModel.Get(quick: true);
        var lab = new PhaseMapLab(identifier, seed: 5);
        const string Registry = "/tmp/some registry";

        File.WriteAllText(_path, PhaseMapSpec.Build(PhaseMapStrategy.StrategyName, lab, Registry, budget: 12, batchSize: 4, seed: 5, PhaseMapLab.PresencePrefix, 0.5));
        SpecLoadResult loaded = LocalSetup.LoadSpec(_path);

        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, SpecErrorFormatter.FormatAll(loaded)));
        CampaignPlan plan = loaded.Plan!;
        Assert.Equal((12, 4, 5L), (plan.Budget, plan.BatchSize, plan.Seed));
        IReadOnlyDictionary<string, string> prepare = plan.Steps.Single(s => s.Step == ExperimentStep.Prepare).Options;
        IReadOnlyDictionary<string, string> measure = plan.Steps.Single(s => s.Step == ExperimentStep.Measure).Options;
        double anneal = double.Parse(prepare[SynthesisOptionKeys.AnnealTemperature], CultureInfo.InvariantCulture);
        Assert.Equal(lab.CrystalliteSize, SynthesisModel.Make(BuiltInPhaseDiagrams.FeNiAl(), new SynthesisSettings(), "s", [1.0, 0.0, 0.0], anneal, new Random(1)).CrystalliteSize, SizeTolerance);
        Assert.Equal(PhaseMapLab.CompositionScatter, double.Parse(prepare[SynthesisOptionKeys.CompositionScatter], CultureInfo.InvariantCulture));
        var scan = new ScanRange(
            double.Parse(measure[XrdOptionKeys.TwoThetaMin], CultureInfo.InvariantCulture),
            double.Parse(measure[XrdOptionKeys.TwoThetaMax], CultureInfo.InvariantCulture),
            double.Parse(measure[XrdOptionKeys.Step], CultureInfo.InvariantCulture),
            double.Parse(measure[XrdOptionKeys.CountTime], CultureInfo.InvariantCulture));
        Assert.Equal(lab.Range, scan);
        Assert.False(prepare.ContainsKey("fault_rate") || measure.ContainsKey("fault_rate"), "the benchmark scores designs, so no faults are injected");
        AutoLab.Contracts.Analysis.AnalysisStage stage = Assert.Single(plan.Analysis);
        Assert.Equal(("phase-id", PhaseMapModelFolder.ModelName, Registry, "never"), (stage.Model, stage.Options["model"], stage.Options["registry"], stage.Options["train"]));
        Assert.Equal([.. lab.Objectives.Select(o => o.Name)], plan.Objectives.Select(o => o.Name));
        Assert.Equal((PhaseMapStrategy.StrategyName, PhaseMapLab.PresencePrefix, "0.5"), (plan.Strategy.Name, plan.Strategy.Options["outputs"], plan.Strategy.Options["level"]));
        Assert.False(plan.SynchronousBatches, "as in the example, a slot is refilled as soon as it frees");
    }

    [Fact]
    public void Random_sampling_gets_its_default_options_and_synchronous_batches_when_asked()
    {
        (PhaseIdentifier identifier, _) = PhaseMapBenchModel.Get(quick: true);

        File.WriteAllText(_path, PhaseMapSpec.Build(RandomStrategy.StrategyName, new PhaseMapLab(identifier, seed: 5), "/tmp/r", budget: 8, batchSize: 4, seed: 5, PhaseMapLab.PresencePrefix, 0.5, synchronousBatches: true));
        SpecLoadResult loaded = LocalSetup.LoadSpec(_path);

        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, SpecErrorFormatter.FormatAll(loaded)));
        Assert.Equal(RandomStrategy.StrategyName, loaded.Plan!.Strategy.Name);
        Assert.Empty(loaded.Plan.Strategy.Options);
        Assert.True(loaded.Plan.SynchronousBatches, "batch_mode: synchronous asks for each batch whole, as the ask-tell loop does");
    }
}
