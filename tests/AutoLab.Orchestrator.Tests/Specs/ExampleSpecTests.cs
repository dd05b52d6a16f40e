using System.Text.Json;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>The example files in <c>examples/</c> load as documented: the valid ones compile, the invalid one shows its errors.</summary>
public class ExampleSpecTests
{
    [Fact]
    public void The_quickstart_compiles_to_the_expected_plan()
    {
        SpecLoadResult result = CampaignSpecLoader.Load(RepositoryFiles.PathOf("examples/quickstart.yaml"), TestCatalog.Full);

        CampaignPlan plan = SpecAssert.Valid(result);
        CampaignPlan expected = new()
        {
            Name = "quickstart-branin",
            Space =
            [
                new ParameterDefinition { Name = "x1", Kind = ParameterKind.Continuous, Lower = -5, Upper = 10 },
                new ParameterDefinition { Name = "x2", Kind = ParameterKind.Continuous, Lower = 0, Upper = 15 },
            ],
            Objectives = [new ObjectiveDefinition { Name = "y", Direction = ObjectiveDirection.Minimize }],
            Steps =
            [
                new StepPlan
                {
                    Step = ExperimentStep.Measure,
                    Instrument = "test-functions",
                    TimeoutSeconds = 10,
                    MaxAttempts = 3,
                    RetryBackoffSeconds = 0.5,
                    Options = new Dictionary<string, string> { ["function"] = "branin" },
                },
                new StepPlan { Step = ExperimentStep.Analyze, Instrument = "analysis" },
            ],
            Analysis = [new AnalysisStage { Model = "readings", Options = new Dictionary<string, string> { ["map"] = "y=y" } }],
            Envelope = [TestCatalog.TestFunctionsX1],
            Strategy = new StrategyPlan { Name = "sobol", NeedsHistory = false },
            Budget = 48,
            BatchSize = 4,
            FaultPolicy = new FaultPolicy { MaxFaultFraction = 0.3, MinExperiments = 10 },
            RequireApproval = false,
            Seed = 42,
        };

        // Records compare their lists by reference, so the plans are compared as JSON, field by field.
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(plan));
        Assert.Null(result.Schedule);
    }

    [Fact]
    public void The_zdt1_example_compiles_with_two_objectives_and_lhs()
    {
        SpecLoadResult result = CampaignSpecLoader.Load(RepositoryFiles.PathOf("examples/zdt1-random.yaml"), TestCatalog.Full);

        CampaignPlan plan = SpecAssert.Valid(result);
        Assert.Equal(["f1", "f2"], plan.Objectives.Select(o => o.Name));
        Assert.Equal(["x1", "x2", "x3", "x4"], plan.Space.Select(p => p.Name));
        Assert.All(plan.Space, p => Assert.Equal((0.0, 1.0), (p.Lower, p.Upper)));
        Assert.Equal(("lhs", 40, 8), (plan.Strategy.Name, plan.Budget, plan.BatchSize));
    }

    [Fact]
    public void The_process_instrument_example_compiles_with_the_scripts_envelope()
    {
        SpecLoadResult result = CampaignSpecLoader.Load(RepositoryFiles.PathOf("examples/process-instrument.yaml"), TestCatalog.Full);

        CampaignPlan plan = SpecAssert.Valid(result);
        CampaignSpec spec = SpecAssert.ValidSpec(result);
        InstrumentSpec script = Assert.Single(spec.Instruments);
        Assert.Equal((InstrumentType.Process, 2), (script.Type, script.Capacity));
        Assert.Equal(["rosenbrock-script", "analysis"], plan.Steps.Select(s => s.Instrument));
        Assert.Equal([("x1", -2.0, 2.0), ("x2", -1.0, 3.0)], plan.Envelope.Select(l => (l.Parameter, l.Minimum, l.Maximum)));
        Assert.Equal(("sobol", 24, 2), (plan.Strategy.Name, plan.Budget, plan.BatchSize));
        Assert.True(File.Exists(Path.Combine(spec.BaseDirectory, script.Command[1])), "the script is named relative to the spec's folder");
    }

    [Fact]
    public void The_invalid_example_reports_every_marked_error_in_line_order()
    {
        string path = RepositoryFiles.PathOf("examples/invalid-spec.yaml");

        SpecLoadResult result = CampaignSpecLoader.Load(path, TestCatalog.Full);

        // One error per line marked "ERROR" in the file.
        string[] marked = File.ReadAllLines(path)
            .Select((text, index) => (text, line: index + 1))
            .Where(l => l.text.Contains("# ERROR", StringComparison.Ordinal))
            .Select(l => l.line.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(marked, result.Errors.Select(e => e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(
            [
                "space[0].bounds", "space[1].bounds", "space[2].name", "space[3].choices", "constraints[0].coefficients.x3",
                "steps.measure.timeout", "steps.measure.attempts", "objectives[0].direction", "batchsize", "fault_policy.max_fault_fraction",
            ],
            result.Errors.Select(e => e.Path));
        Assert.Contains($"{path}:7:42: space[0].bounds: lower bound 10 is not below upper bound 5", SpecErrorFormatter.FormatAll(result));
        Assert.Null(result.Plan);
    }

    [Fact]
    public void The_complete_spec_in_the_reference_document_is_valid()
    {
        string document = File.ReadAllText(RepositoryFiles.PathOf("docs/campaign-spec.md"));
        int start = document.IndexOf("## A complete spec", StringComparison.Ordinal);
        int open = document.IndexOf("```yaml\n", start, StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = document[open..document.IndexOf("```", open, StringComparison.Ordinal)];

        SpecLoadResult result = SpecYaml.Load(yaml);

        CampaignPlan plan = SpecAssert.Valid(result);
        Assert.Equal([ExperimentStep.Prepare, ExperimentStep.Measure, ExperimentStep.Analyze], plan.Steps.Select(s => s.Step));
        Assert.Equal(["x1", "x2", "n", "solvent"], plan.Space.Select(p => p.Name));
        Assert.NotNull(result.Schedule?.Calibration);
    }
}
