using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoLab.Analysis.Tests.Registry;

/// <summary>
/// <c>AddAutoLabAnalysis</c> offers the registry-model stages beside the built-ins, over the models folder the
/// options name, and the default registry of stages (what spec validation lists) knows them too.
/// </summary>
public sealed class AnalysisRegistrationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_registry_model_stages_are_registered_over_the_configured_models_folder()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddAutoLabAnalysis(o =>
            {
                o.ModelsPath = _folder.Path;
                o.Workers = 3;
            })
            .BuildServiceProvider();

        AnalysisModelRegistry stages = provider.GetRequiredService<AnalysisModelRegistry>();

        Assert.Equal([AdaptiveXrdStage.ModelName, PhaseIdModel.ModelName, "readings", SasModelStage.ModelName, "scale"], stages.Names);
        Assert.Equal(_folder.Path, provider.GetRequiredService<ModelRegistry>().Root);
        Assert.Same(provider.GetRequiredService<ModelRegistry>(), provider.GetRequiredService<RegistryModelCache>().Registry);
        Assert.Equal(3, provider.GetRequiredService<IOptions<AnalysisOptions>>().Value.Workers);
    }

    [Fact]
    public void The_default_stage_registry_lists_the_registry_model_stages_without_loading_anything()
    {
        AnalysisModelRegistry stages = AnalysisModelRegistry.CreateDefault();

        Assert.True(stages.Contains(PhaseIdModel.ModelName), "specs may name phase-id");
        Assert.True(stages.Contains(SasModelStage.ModelName), "specs may name sas-model");
    }

    [Fact]
    public void Negative_workers_are_refused_when_the_options_are_read()
    {
        using ServiceProvider provider = new ServiceCollection().AddAutoLabAnalysis(o => o.Workers = -1).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnalysisOptions>>().Value);
    }
}
