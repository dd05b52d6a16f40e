using AutoLab.Analysis.Models;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Hosting;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Tests.Campaigns;

/// <summary>
/// The phase-mapping benchmark hands its own identifier to the engine through a temporary registry: the phase-id
/// stage, told that folder with option <c>registry</c>, reads the very model the benchmark scores the grids with,
/// and a folder without the model is refused naming the folder instead of training another.
/// </summary>
public sealed class PhaseMapModelFolderTests : IDisposable
{
    // The stage reads the pattern back from the host's CSV file and runs the same float32 network; what is left is
    // float rounding, far below the 1e-2 steps in which a presence probability moves a phase call.
    private const double SameModelTolerance = 1e-5;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"autolab-phase-map-model-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task The_phase_id_stage_told_the_folder_predicts_what_the_benchmark_identifier_predicts()
    {
        (PhaseIdentifier identifier, string source) = PhaseMapBenchModel.Get(quick: true);
        using PhaseMapModelFolder folder = PhaseMapModelFolder.Save(identifier, source);
        PowderPattern pattern = Pattern(identifier);
        PhasePrediction expected = identifier.Predict([pattern])[0];
        string data = Path.Combine(_root, "data", "000001");
        DataReference file = await ArrayFileWriter.WriteAsync(data, "measure", "pattern", new DeviceArray { Values = [.. pattern.Counts], Axis = [.. pattern.TwoTheta], AxisName = "two_theta" }, CancellationToken.None);
        // The service's own registry is an empty folder, so only the option can find the model.
        using var models = new RegistryModelCache(new ModelRegistry(Path.Combine(_root, "service-models")));

        AnalysisResult result = new PhaseIdModel(models).Apply(
            new AnalysisInput { Data = [file], DataDirectory = data },
            new Dictionary<string, string> { ["model"] = PhaseMapModelFolder.ModelName, ["registry"] = folder.Registry, ["train"] = "never" });

        for (int k = 0; k < identifier.PhaseNames.Count; k++)
        {
            string slug = StageOutputs.Slug(identifier.PhaseNames[k]);
            Assert.InRange(result.Objectives[$"presence_{slug}"], expected.Presence[k] - SameModelTolerance, expected.Presence[k] + SameModelTolerance);
            Assert.InRange(result.Objectives[$"fraction_{slug}"], expected.Fractions[k] - SameModelTolerance, expected.Fractions[k] + SameModelTolerance);
        }
    }

    [Fact]
    public async Task A_registry_folder_without_the_model_is_refused_naming_the_folder()
    {
        (PhaseIdentifier identifier, _) = PhaseMapBenchModel.Get(quick: true);
        PowderPattern pattern = Pattern(identifier);
        string data = Path.Combine(_root, "data", "000001");
        DataReference file = await ArrayFileWriter.WriteAsync(data, "measure", "pattern", new DeviceArray { Values = [.. pattern.Counts], Axis = [.. pattern.TwoTheta], AxisName = "two_theta" }, CancellationToken.None);
        string empty = Path.Combine(_root, "empty-registry");
        using var models = new RegistryModelCache(new ModelRegistry(Path.Combine(_root, "service-models")));

        AnalysisException error = Assert.Throws<AnalysisException>(() => new PhaseIdModel(models).Apply(
            new AnalysisInput { Data = [file], DataDirectory = data },
            new Dictionary<string, string> { ["model"] = PhaseMapModelFolder.ModelName, ["registry"] = empty, ["train"] = "never" }));

        Assert.Contains($"no model '{PhaseMapModelFolder.ModelName}' in {empty}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_the_folder_deletes_it()
    {
        (PhaseIdentifier identifier, string source) = PhaseMapBenchModel.Get(quick: true);
        PhaseMapModelFolder folder = PhaseMapModelFolder.Save(identifier, source);
        bool heldTheModel = new ModelRegistry(folder.Registry).Contains(PhaseMapModelFolder.ModelName);

        folder.Dispose();

        Assert.True(heldTheModel, "the saved folder should be a registry holding the benchmark's model");
        Assert.False(Directory.Exists(folder.Registry), "disposing should delete the temporary registry");
    }

    /// <summary>A two-phase pattern on the identifier's own grid and instrument, as its training set draws them.</summary>
    private static PowderPattern Pattern(PhaseIdentifier identifier)
    {
        var generator = new XrdTrainingSetGenerator(XrdTrainingSetGenerator.FeNiAlPhases(), identifier.Manifest.Options.Data with { PhaseCountProportions = [0.0, 1.0] });
        return generator.Measure(generator.Draw(31, 0), RandomStreams.For(31, "phase-map-model-folder-test", 1));
    }
}
