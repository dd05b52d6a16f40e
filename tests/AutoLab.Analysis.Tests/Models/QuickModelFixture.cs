using AutoLab.Analysis.Models;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Tests.Registry;
using AutoLab.Analysis.Tests.Torch;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>A temporary registry holding one built-in trained with its quick recipe, and the stages' model cache over it.</summary>
public abstract class QuickModelFixture : IDisposable
{
    private readonly TemporaryFolder _folder = new("autolab-stage-models");

    protected QuickModelFixture(string builtIn)
    {
        Registry = new ModelRegistry(_folder.Path);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Card = Registry.GetOrTrain(builtIn, settings: new ModelTrainingSettings { Quick = true, Threads = TorchThreadsFixture.Threads });
        TrainingSeconds = clock.Elapsed.TotalSeconds;
        Models = new RegistryModelCache(Registry);
    }

    public ModelRegistry Registry { get; }

    public ModelCard Card { get; }

    public double TrainingSeconds { get; }

    public RegistryModelCache Models { get; }

    public void Dispose()
    {
        Models.Dispose();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The quick "xrd-fe-ni-al" phase identifier.</summary>
public sealed class QuickPhaseIdFixture() : QuickModelFixture(XrdPhaseBuiltIn.ModelName);

/// <summary>The quick "sas-families" selector.</summary>
public sealed class QuickSasFixture() : QuickModelFixture(SasFamiliesBuiltIn.ModelName);
