using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.Models;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Tests.Models;
using AutoLab.Analysis.Tests.Registry;
using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.PhaseIdentification;

/// <summary>
/// An identifier trained with the exposure channel builds two-channel members, reads plain and merged patterns with
/// their counting times, survives a save/load round trip as a two-channel model, and in the "phase-id" stage takes the
/// counting time from the measurement's reading.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class PhaseIdentifierExposureChannelTests
{
    private const string ModelName = "two-channel";

    // Members run in inference mode, so a reloaded model reproduces the same floats.
    private const double ReloadTolerance = 1e-6;

    private static readonly XrdPatternGrid Grid = new(20.0, 80.0, 480);

    private static readonly IReadOnlyList<DiagramPhase> Phases =
    [
        new DiagramPhase("Al", BuiltInStructures.Get("Al")),
        new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
    ];

    [Fact]
    public void A_two_channel_identifier_reads_plain_and_merged_patterns_and_reloads_as_two_channels()
    {
        using PhaseIdentifier identifier = Train();
        PowderPattern plain = Expected(0.1);
        AdaptiveXrdMeasurement merged = new(Grid);
        merged.Add(plain);
        merged.Add(new PowderPatternSimulator().Expected([new PhaseContribution(Phases[0].Structure, 1.0, 20.0)], new DiffractometerSettings(), new ScanRange(Grid.At(128), Grid.At(160) + (Grid.Step * 0.5), Grid.Step, 0.8)));
        using TemporaryFolder folder = new("xrd-exposure");
        identifier.Save(folder.Path);
        using PhaseIdentifier reloaded = PhaseIdentifier.Load(folder.Path);

        IReadOnlyList<PhasePrediction> before = identifier.Predict([plain, merged.ToPattern()]);
        IReadOnlyList<PhasePrediction> after = reloaded.Predict([plain, merged.ToPattern()]);

        Assert.All(reloaded.Manifest.Members, spec => Assert.Equal(2, spec.InputChannels));
        Assert.True(reloaded.Preprocessor.ExposureChannel);
        Assert.Equal(2 * Grid.Points, reloaded.Preprocessor.InputWidth);
        for (int i = 0; i < before.Count; i++)
        {
            for (int j = 0; j < Phases.Count; j++)
            {
                Assert.Equal(before[i].Presence[j], after[i].Presence[j], ReloadTolerance);
            }
        }
    }

    [Fact]
    public void The_phase_id_stage_reads_the_count_time_reading_and_refuses_a_measurement_without_it()
    {
        using PhaseIdentifier identifier = Train();
        using TemporaryFolder root = new("xrd-exposure-stage");
        ModelRegistry registry = new(Path.Combine(root.Path, "models"));
        registry.Add(new ModelCard { Name = ModelName, Kind = ModelKinds.PhaseIdentifier }, identifier.Save);
        using RegistryModelCache models = new(registry);
        PowderPattern scan = Expected(0.1);
        string data = Path.Combine(root.Path, "data", "000001");
        AnalysisInput input = new() { Data = [InstrumentFiles.WriteArray(data, "measure", "pattern", scan.TwoTheta, scan.Counts, "two_theta")], DataDirectory = data };
        Dictionary<string, string> options = new() { ["model"] = ModelName, ["train"] = "never" };
        PhaseIdModel stage = new(models);

        AnalysisResult result = stage.Apply(input with { Readings = new Dictionary<string, double> { [PhaseIdModel.CountTimeReading] = 0.1 } }, options);
        PhasePrediction direct = identifier.Predict([scan])[0];
        AnalysisException refused = Assert.Throws<AnalysisException>(() => stage.Apply(input, options));

        Assert.Equal(direct.Presence[0], result.Objectives["presence_al"], ReloadTolerance);
        Assert.Contains(PhaseIdModel.CountTimeReading, refused.Message, StringComparison.Ordinal);
        Assert.Contains("measure-pattern.csv", refused.Message, StringComparison.Ordinal);
    }

    private static PowderPattern Expected(double countTime) =>
        new PowderPatternSimulator().Expected([new PhaseContribution(Phases[0].Structure, 1.0, 20.0)], new DiffractometerSettings(), AdaptiveXrdPolicy.FullScan(Grid, countTime));

    // A one-member, two-channel identifier on merged measurements, trained in about a second.
    private static PhaseIdentifier Train() => PhaseIdentifier.Train(Phases, new PhaseIdentifierOptions
    {
        Data = new XrdTrainingSetOptions
        {
            Grid = Grid,
            PhaseCountProportions = [1.0],
            MinimumCrystalliteSize = 10.0,
            MaximumCrystalliteSize = 40.0,
            ExposureChannel = true,
            Windows = new XrdWindowOptions { MaxWindows = 2 },
        },
        TrainingPatterns = 200,
        ValidationPatterns = 60,
        EnsembleSize = 1,
        ConvChannels = [4],
        ConvKernels = [5],
        Pool = 4,
        HiddenSizes = [8],
        Epochs = 4,
        Threads = 1,
    }, seed: 7);
}
