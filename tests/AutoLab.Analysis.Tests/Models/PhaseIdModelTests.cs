using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Tests.Registry;
using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Contracts;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>
/// The "phase-id" stage reads the diffractometer's pattern file as the instrument host writes it, identifies the
/// phase with a registry model, and refuses bad files with messages naming the file and the point.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class PhaseIdModelTests(QuickPhaseIdFixture fixture) : IClassFixture<QuickPhaseIdFixture>, IDisposable
{
    // The quick recipe (900 patterns, seconds of training) scores about 90 % top-1 on held-out single phases;
    // one miss in six is allowed so the test checks the stage's plumbing, not the quick model's last percent.
    private const int MinimumCorrect = 5;

    private readonly TemporaryFolder _run = new("autolab-run");

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Patterns_written_by_the_instrument_host_give_the_right_top_phase()
    {
        PhaseIdModel stage = new(fixture.Models);
        XrdTrainingSetGenerator generator = new(XrdTrainingSetGenerator.FeNiAlPhases(), XrdPhaseBuiltIn.QuickOptions.Data with { PhaseCountProportions = [1.0] });
        int correct = 0;
        List<string> misses = [];
        for (int phase = 0; phase < generator.PhaseNames.Count; phase++)
        {
            // Draw until the single phase is the one wanted, so every phase is tested once.
            XrdSampleDraw draw = Enumerable.Range(0, 500).Select(i => generator.Draw(77, i)).First(d => d.Phases[0].Index == phase);
            PowderPattern pattern = generator.Measure(draw, RandomStreams.For(77, "test", phase));
            AnalysisInput input = Input(InstrumentFiles.WriteArray(DataDirectory, "measure", "pattern", pattern.TwoTheta, pattern.Counts, "two_theta"));

            AnalysisResult result = stage.Apply(input, new Dictionary<string, string>());

            int top = (int)result.Objectives["top_phase_index"];
            correct += top == phase ? 1 : 0;
            if (top != phase)
            {
                misses.Add($"{generator.PhaseNames[phase]} read as {generator.PhaseNames[top]}");
            }

            string slug = StageOutputs.Slug(generator.PhaseNames[phase]);
            Assert.InRange(result.Objectives[$"presence_{slug}"], 0.0, 1.0);
            Assert.True(result.Uncertainties[$"fraction_{slug}"] >= 0, "the ensemble spread is an uncertainty");
        }

        Assert.True(correct >= MinimumCorrect, $"{correct} of 6 phases identified; misses: {string.Join("; ", misses)}");
    }

    [Fact]
    public void A_relative_uri_is_resolved_against_the_run_folder_and_map_renames_an_output()
    {
        (double[] twoTheta, double[] counts) = Pattern();
        DataReference written = InstrumentFiles.WriteArray(DataDirectory, "measure", "pattern", twoTheta, counts, "two_theta");
        DataReference relative = written with { Uri = Path.GetRelativePath(_run.Path, new Uri(written.Uri).LocalPath) };

        AnalysisResult result = new PhaseIdModel(fixture.Models).Apply(Input(relative), new Dictionary<string, string> { ["map"] = "y=fraction_ni3al" });

        Assert.Equal(result.Objectives["fraction_ni3al"], result.Objectives["y"]);
        Assert.Equal(result.Uncertainties["fraction_ni3al"], result.Uncertainties["y"]);
    }

    [Fact]
    public void Nan_counts_are_refused_naming_the_file_and_the_index()
    {
        (double[] twoTheta, double[] counts) = Pattern();
        counts[17] = double.NaN;

        AnalysisException error = Refused(twoTheta, counts);

        Assert.Contains("measure-pattern.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("counts[17] is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_counts_are_refused_naming_the_file_and_the_index()
    {
        (double[] twoTheta, double[] counts) = Pattern();
        counts[3] = -2;

        AnalysisException error = Refused(twoTheta, counts);

        Assert.Contains("measure-pattern.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("counts[3] is negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_too_short_for_the_model_is_refused_naming_the_file()
    {
        (double[] twoTheta, double[] counts) = Pattern();

        AnalysisException error = Refused(twoTheta[..5], counts[..5]);

        Assert.Contains("measure-pattern.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_and_a_missing_key_are_refused_clearly()
    {
        DataReference gone = new() { Key = "pattern", Uri = "data/000001/measure-pattern.csv" };
        PhaseIdModel stage = new(fixture.Models);

        AnalysisException missingFile = Assert.Throws<AnalysisException>(() => stage.Apply(Input(gone), new Dictionary<string, string>()));
        AnalysisException missingKey = Assert.Throws<AnalysisException>(() => stage.Apply(Input(gone with { Key = "frame" }), new Dictionary<string, string>()));

        Assert.Contains("does not exist", missingFile.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_run.Path, "data", "000001", "measure-pattern.csv"), missingFile.Message, StringComparison.Ordinal);
        Assert.Contains("no data 'pattern'; data keys: frame", missingKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_missing_from_the_registry_is_refused_when_training_is_off()
    {
        (double[] twoTheta, double[] counts) = Pattern();
        DataReference written = InstrumentFiles.WriteArray(DataDirectory, "measure", "pattern", twoTheta, counts, "two_theta");

        AnalysisException error = Assert.Throws<AnalysisException>(() => new PhaseIdModel(fixture.Models)
            .Apply(Input(written), new Dictionary<string, string> { ["model"] = "no-such-model", ["train"] = "never" }));

        Assert.Contains("no model 'no-such-model'", error.Message, StringComparison.Ordinal);
        Assert.Contains(XrdPhaseBuiltIn.ModelName, error.Message, StringComparison.Ordinal);
    }

    private string DataDirectory => Path.Combine(_run.Path, "data", "000001");

    private AnalysisInput Input(DataReference reference) => new() { Data = [reference], DataDirectory = DataDirectory };

    private static (double[] TwoTheta, double[] Counts) Pattern()
    {
        XrdTrainingSetGenerator generator = new(XrdTrainingSetGenerator.FeNiAlPhases(), XrdPhaseBuiltIn.QuickOptions.Data);
        PowderPattern pattern = generator.Measure(generator.Draw(5, 0), new Random(5));
        return ([.. pattern.TwoTheta], [.. pattern.Counts]);
    }

    private AnalysisException Refused(double[] twoTheta, double[] counts)
    {
        DataReference written = InstrumentFiles.WriteArray(DataDirectory, "measure", "pattern", twoTheta, counts, "two_theta");
        return Assert.Throws<AnalysisException>(() => new PhaseIdModel(fixture.Models).Apply(Input(written), new Dictionary<string, string>()));
    }
}
