using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.Registry;

/// <summary>
/// The model registry: models go in whole (temporary folder, then rename), come out by name with the same
/// predictions, and a missing model, a malformed card or the wrong kind gives an error naming the folder.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ModelRegistryTests : IDisposable
{
    // Saved float32 weights reload bit for bit; outputs mapped back to µm agree to rounding.
    private const double ReloadTolerance = 1e-9;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_model_added_to_the_registry_loads_by_name_and_predicts_the_same()
    {
        ModelRegistry registry = new(_folder.Path);
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        BeamSizeDataset data = BeamSizeDataGenerator.Generate(model, 200, 3);
        BeamRegressorOptions options = new() { Training = new BeamRegressorOptions().Training with { Epochs = 5 }, Seed = 1 };
        using BeamSizeRegressor trained = BeamSizeRegressor.Train(data, [.. model.Devices.Select(d => d.Name)], options);

        ModelCard card = registry.Add(
            new ModelCard { Name = "my-beam", Kind = ModelKinds.BeamSizeRegressor, Seed = 3, Metrics = new Dictionary<string, double> { ["rms"] = 0.01 } },
            trained.Save);
        using BeamSizeRegressor loaded = registry.LoadBeamSizeRegressor("my-beam");

        double[] before = trained.Predict(data.GapsMm, data.Rows);
        double[] after = loaded.Predict(data.GapsMm, data.Rows);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(Math.Abs(before[i] - after[i]) < ReloadTolerance, $"value {i}: {before[i]} vs {after[i]} after the round trip");
        }

        Assert.Equal(["my-beam"], registry.Names());
        Assert.Equal(0.01, card.Metrics["rms"]);
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".*"));
    }

    [Fact]
    public void A_missing_built_in_is_trained_once_with_its_quick_recipe_and_then_reused()
    {
        ModelRegistry registry = new(_folder.Path);
        List<string> log = [];

        ModelCard first = registry.GetOrTrain(BeamSizeBuiltIn.ModelName, log.Add, new ModelTrainingSettings { Quick = true, Threads = TorchThreadsFixture.Threads });
        int linesAfterTraining = log.Count;
        ModelCard second = registry.GetOrTrain(BeamSizeBuiltIn.ModelName, log.Add);

        Assert.Contains(log, line => line.Contains("training the built-in", StringComparison.Ordinal));
        Assert.Contains(log, line => line.Contains("trained 'beam-size' in", StringComparison.Ordinal));
        Assert.Equal(linesAfterTraining, log.Count);
        Assert.Equal(first.CreatedUtc, second.CreatedUtc);
        Assert.Equal("quick", first.Recipe);
        Assert.Equal(ModelKinds.BeamSizeRegressor, first.Kind);
        Assert.Equal(nameof(BeamSizeDataGenerator), first.Generator);
        Assert.Equal(ModelTrainingSettings.DefaultSeed, first.Seed);
        Assert.True(first.TrainingSeconds > 0, "the card records the training time");
        Assert.False(string.IsNullOrEmpty(first.ShimVersion), "the card records the shim version");
        Assert.NotNull(first.Architecture);
        Assert.True(first.Metrics["relative_rms_sigma_y"] < first.Metrics["linear_relative_rms_sigma_y"],
            $"held-out σy error {first.Metrics["relative_rms_sigma_y"]:E2} should beat the linear baseline {first.Metrics["linear_relative_rms_sigma_y"]:E2}");
        using BeamSizeRegressor loaded = registry.LoadBeamSizeRegressor(BeamSizeBuiltIn.ModelName);
        Assert.Equal(2, loaded.Predict([.. Enumerable.Repeat(20.0, loaded.Manifest.Devices.Count)], 1).Length);
    }

    [Fact]
    public void The_adaptive_xrd_built_in_trains_on_segment_windows_and_microsecond_counts_and_loads_with_the_six_phases()
    {
        ModelRegistry registry = new(_folder.Path);

        ModelCard card = registry.GetOrTrain(XrdPhaseBuiltIn.AdaptiveModelName, settings: new ModelTrainingSettings { Quick = true, Threads = TorchThreadsFixture.Threads });

        Assert.Contains(XrdPhaseBuiltIn.AdaptiveModelName, BuiltInModels.Names);
        System.Text.Json.Nodes.JsonNode generator = card.GeneratorOptions!;
        Assert.Equal(XrdPhaseBuiltIn.AdaptiveMinimumCountTime, generator["minimum_count_time"]!.GetValue<double>());
        Assert.Equal(0.4, generator["windows"]!["segment_width"]!.GetValue<double>());
        Assert.Equal(4, generator["windows"]!["max_windows"]!.GetValue<int>());
        using AutoLab.Analysis.PhaseIdentification.PhaseIdentifier loaded = registry.LoadPhaseIdentifier(XrdPhaseBuiltIn.AdaptiveModelName);
        Assert.Equal(6, loaded.PhaseNames.Count);
    }

    [Fact]
    public void A_missing_model_is_reported_with_the_folder_and_the_names_present()
    {
        ModelRegistry registry = new(_folder.Path);
        registry.Add(new ModelCard { Name = "present", Kind = ModelKinds.BeamSizeRegressor }, _ => { });

        ModelRegistryException error = Assert.Throws<ModelRegistryException>(() => registry.LoadPhaseIdentifier("absent"));

        Assert.Contains("'absent'", error.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("present", error.Message, StringComparison.Ordinal);
        Assert.Contains(XrdPhaseBuiltIn.ModelName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_card_is_reported_with_its_path()
    {
        string folder = Path.Combine(_folder.Path, "broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelRegistry.CardFileName), "{ \"name\": \"broken\", \"kind\": ");
        ModelRegistry registry = new(_folder.Path);

        ModelRegistryException error = Assert.Throws<ModelRegistryException>(() => registry.GetCard("broken"));

        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, ModelRegistry.CardFileName), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_of_another_kind_is_refused_before_its_files_are_read()
    {
        ModelRegistry registry = new(_folder.Path);
        registry.Add(new ModelCard { Name = "beam", Kind = ModelKinds.BeamSizeRegressor }, _ => { });

        ModelRegistryException error = Assert.Throws<ModelRegistryException>(() => registry.LoadSasModelSelector("beam"));

        Assert.Contains("is a beam-size model, not a sas-model model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_whose_model_files_are_missing_names_the_folder()
    {
        ModelRegistry registry = new(_folder.Path);
        registry.Add(new ModelCard { Name = "empty", Kind = ModelKinds.PhaseIdentifier }, _ => { });

        ModelRegistryException error = Assert.Throws<ModelRegistryException>(() => registry.LoadPhaseIdentifier("empty"));

        Assert.Contains(Path.Combine(_folder.Path, "empty"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_could_leave_the_registry_folder_is_refused()
    {
        ModelRegistry registry = new(_folder.Path);

        Assert.Throws<ModelRegistryException>(() => registry.GetCard("../elsewhere"));
        Assert.Throws<ModelRegistryException>(() => registry.GetCard(".hidden"));
    }

    [Fact]
    public void Two_writers_adding_the_same_model_at_once_leave_one_whole_model_and_no_temporary_folders()
    {
        const int Writers = 8;
        using Barrier start = new(Writers);

        // Separate registry objects on one folder, as two processes would have; dedicated threads so all meet at the barrier.
        Thread[] threads = [.. Enumerable.Range(0, Writers).Select(writer => new Thread(() =>
        {
            ModelRegistry registry = new(_folder.Path);
            registry.Add(new ModelCard { Name = "shared", Kind = ModelKinds.BeamSizeRegressor, Seed = writer }, folder =>
            {
                start.SignalAndWait();
                File.WriteAllText(Path.Combine(folder, "weights.bin"), $"writer {writer}");
            });
        }))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        ModelRegistry reader = new(_folder.Path);
        ModelCard card = reader.GetCard("shared");
        string weights = File.ReadAllText(Path.Combine(_folder.Path, "shared", "weights.bin"));
        Assert.Equal($"writer {card.Seed}", weights);
        Assert.Equal(["shared"], reader.Names());
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".*"));
    }

    [Fact]
    public void Adding_with_replace_swaps_the_model_and_without_it_keeps_the_first()
    {
        ModelRegistry registry = new(_folder.Path);
        registry.Add(new ModelCard { Name = "m", Kind = ModelKinds.BeamSizeRegressor, Seed = 1 }, _ => { });

        ModelCard kept = registry.Add(new ModelCard { Name = "m", Kind = ModelKinds.BeamSizeRegressor, Seed = 2 }, _ => { });
        ModelCard replaced = registry.Add(new ModelCard { Name = "m", Kind = ModelKinds.BeamSizeRegressor, Seed = 3 }, _ => { }, replace: true);

        Assert.Equal(1, kept.Seed);
        Assert.Equal(3, replaced.Seed);
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".*"));
    }

    [Fact]
    public void A_folder_without_a_card_is_not_a_model_and_is_replaced_by_the_next_one_added()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "m"));
        ModelRegistry registry = new(_folder.Path);

        Assert.Empty(registry.Names());
        ModelCard card = registry.Add(new ModelCard { Name = "m", Kind = ModelKinds.BeamSizeRegressor, Seed = 5 }, _ => { });

        Assert.Equal(5, card.Seed);
    }

    [Fact]
    public void Two_analyses_that_find_a_built_in_missing_at_once_train_it_once()
    {
        List<string> log = [];
        ModelTrainingSettings quick = new() { Quick = true, Threads = TorchThreadsFixture.Threads };
        ModelCard[] cards = new ModelCard[2];
        Thread[] threads = [.. Enumerable.Range(0, 2).Select(i => new Thread(() =>
            cards[i] = new ModelRegistry(_folder.Path).GetOrTrain(BeamSizeBuiltIn.ModelName, line =>
            {
                lock (log)
                {
                    log.Add(line);
                }
            }, quick)))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Single(log, line => line.Contains("training the built-in", StringComparison.Ordinal));
        Assert.Equal(cards[0].CreatedUtc, cards[1].CreatedUtc);
    }
}
