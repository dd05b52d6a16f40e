using AutoLab.Analysis.Registry;
using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.Cli;

/// <summary>
/// <c>autolab train --quick</c> trains a built-in into the registry folder given, with a card that records the recipe,
/// seed and held-out metrics; an unknown name is a usage error.
/// </summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly TemporaryFolder _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task Train_quick_writes_the_model_and_its_card_into_the_registry_folder()
    {
        int exit = await AutoLabCli.Build()
            .Parse(["train", BeamSizeBuiltIn.ModelName, "--quick", "--models", _models.Path, "--seed", "7", "--threads", "1", "--json"])
            .InvokeAsync();

        Assert.Equal(0, exit);
        ModelRegistry registry = new(_models.Path);
        ModelCard card = registry.GetCard(BeamSizeBuiltIn.ModelName);
        Assert.Equal("quick", card.Recipe);
        Assert.Equal(7, card.Seed);
        Assert.Equal(ModelKinds.BeamSizeRegressor, card.Kind);
        Assert.True(card.Metrics.ContainsKey("relative_rms_sigma_y"), "the card holds the held-out metrics");
        using var regressor = registry.LoadBeamSizeRegressor(BeamSizeBuiltIn.ModelName);
        Assert.Equal(card.Metrics["relative_rms_sigma_y"], regressor.Manifest.Metrics["relative_rms_sigma_y"]);
    }

    [Fact]
    public async Task An_unknown_model_name_is_a_usage_error_and_trains_nothing()
    {
        int exit = await AutoLabCli.Build().Parse(["train", "no-such-model", "--quick", "--models", _models.Path]).InvokeAsync();

        Assert.Equal(CliError.BadInput, exit);
        Assert.Empty(new ModelRegistry(_models.Path).Names());
    }

    [Fact]
    public async Task Train_without_names_or_all_is_a_usage_error()
    {
        int exit = await AutoLabCli.Build().Parse(["train", "--models", _models.Path]).InvokeAsync();

        Assert.Equal(CliError.BadInput, exit);
    }
}
