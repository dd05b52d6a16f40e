using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>How a valid spec becomes a <see cref="CampaignPlan"/>: step order, defaults, envelopes, strategy capabilities.</summary>
public class CompilerTests
{
    private const string ThreeSteps =
        "steps:\n  analyze: {timeout: 30s, attempts: 2}\n  measure: {instrument: test-functions, timeout: 2m}\n  prepare: {instrument: synth-robot, timeout: 250ms, backoff: 2h, options: {speed: 3}}\n";

    [Fact]
    public void Steps_compile_in_loop_order_whatever_order_they_are_written_in()
    {
        CampaignPlan plan = Compile(SpecYaml.With(ThreeSteps));

        Assert.Equal([ExperimentStep.Prepare, ExperimentStep.Measure, ExperimentStep.Analyze], plan.Steps.Select(s => s.Step));
        Assert.Equal(["synth-robot", "test-functions", "analysis"], plan.Steps.Select(s => s.Instrument));
        Assert.Equal([0.25, 120.0, 30.0], plan.Steps.Select(s => s.TimeoutSeconds));
        Assert.Equal(7200, plan.Steps[0].RetryBackoffSeconds);
        Assert.Equal("3", plan.Steps[0].Options["speed"]);
        Assert.Equal(2, plan.Steps[2].MaxAttempts);
    }

    [Fact]
    public void An_absent_analyze_step_is_served_by_the_analysis_service_with_default_limits()
    {
        CampaignPlan plan = Compile(SpecYaml.Minimal);

        StepPlan analyze = plan.Steps[^1];
        Assert.Equal((ExperimentStep.Analyze, "analysis"), (analyze.Step, analyze.Instrument));
        Assert.Equal((60.0, 3, 1.0), (analyze.TimeoutSeconds, analyze.MaxAttempts, analyze.RetryBackoffSeconds));
        Assert.Equal(2, plan.Steps.Count);
    }

    [Fact]
    public void The_envelope_keeps_the_declared_limits_and_adds_the_specs_own()
    {
        CampaignPlan plan = Compile(SpecYaml.With("envelope:\n  test-functions: {x1: [0, 0.5]}\n"));

        Assert.Equal(
            [(-10.0, 20.0), (0.0, 0.5)],
            plan.Envelope.Where(l => l.Instrument == "test-functions" && l.Parameter == "x1").Select(l => (l.Minimum, l.Maximum)));
    }

    [Fact]
    public void Declared_limits_are_filed_under_the_catalog_name_of_the_instrument()
    {
        SpecCatalog catalog = TestCatalog.Full with
        {
            Instruments = new Dictionary<string, InstrumentCatalogEntry>
            {
                ["test-functions"] = new()
                {
                    Steps = new HashSet<ExperimentStep> { ExperimentStep.Measure },
                    Envelope = [new EnvelopeLimit { Instrument = "", Parameter = "x2", Maximum = 0.9 }],
                },
            },
        };

        CampaignPlan plan = Compile(SpecYaml.Minimal, catalog);

        Assert.Equal("test-functions", Assert.Single(plan.Envelope).Instrument);
    }

    [Theory]
    [InlineData("sobol", false)]
    [InlineData("gp-ei", true)]
    public void Needs_history_comes_from_the_catalog(string strategy, bool needsHistory)
    {
        CampaignPlan plan = Compile(SpecYaml.With($"strategy: {{name: {strategy}, options: {{xi: 0.01}}}}\n"));

        Assert.Equal(needsHistory, plan.Strategy.NeedsHistory);
        Assert.Equal("0.01", plan.Strategy.Options["xi"]);
    }

    [Fact]
    public void Without_known_strategies_history_is_sent_because_that_is_always_correct()
    {
        CampaignPlan plan = Compile(SpecYaml.Minimal, SpecCatalog.Unchecked);

        Assert.True(plan.Strategy.NeedsHistory);
    }

    [Fact]
    public void Optional_fields_carry_their_values_into_the_plan()
    {
        CampaignPlan plan = Compile(SpecYaml.With(
            "seed: -7\napproval: true\nbatch_size: 2\ntermination: {target: 0.4, patience: 30}\nspace:\n  - {name: n, type: integer, bounds: [1, 8], unit: mm}\n  - {name: s, type: categorical, choices: [water, ethanol]}\n"));

        Assert.Equal((-7L, true, 2), (plan.Seed, plan.RequireApproval, plan.BatchSize));
        Assert.Equal((0.4, 30), (plan.Termination.TargetValue, plan.Termination.MaxExperimentsWithoutImprovement));
        Assert.Equal((ParameterKind.Integer, 1.0, 8.0, "mm"), (plan.Space[0].Kind, plan.Space[0].Lower, plan.Space[0].Upper, plan.Space[0].Unit));
        Assert.Equal(["water", "ethanol"], plan.Space[1].Choices);
        Assert.Equal((0.5, 10), (plan.FaultPolicy.MaxFaultFraction, plan.FaultPolicy.MinExperiments));
    }

    [Fact]
    public void Batches_refill_each_slot_unless_the_spec_asks_for_synchronous_batches()
    {
        Assert.False(Compile(SpecYaml.With("batch_size: 2\n")).SynchronousBatches);
        Assert.False(Compile(SpecYaml.With("batch_size: 2\nbatch_mode: asynchronous\n")).SynchronousBatches);
        Assert.True(Compile(SpecYaml.With("batch_size: 2\nbatch_mode: synchronous\n")).SynchronousBatches);
    }

    [Fact]
    public void Compiling_an_invalid_spec_built_in_code_throws_with_every_error()
    {
        CampaignSpec spec = new()
        {
            Name = "code",
            Space = [new ParameterDefinition { Name = "x", Kind = ParameterKind.Continuous, Lower = 1, Upper = 0 }],
            Steps = new StepsSpec { Measure = new StepPlan { Step = ExperimentStep.Measure, Instrument = "test-functions" } },
            Objectives = [new ObjectiveDefinition { Name = "y", Direction = ObjectiveDirection.Minimize }],
            Strategy = new StrategySpec { Name = "sobol" },
            Budget = 0,
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => CampaignSpecCompiler.Compile(spec, TestCatalog.Full));

        Assert.Contains("spec: budget: budget must be at least 1 experiment, found 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec: space[0].bounds: lower bound 1 is not below upper bound 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_spec_built_in_code_compiles()
    {
        CampaignSpec spec = new()
        {
            Name = "code",
            Space = [new ParameterDefinition { Name = "x", Kind = ParameterKind.Continuous, Lower = 0, Upper = 1 }],
            Steps = new StepsSpec { Measure = new StepPlan { Step = ExperimentStep.Measure, Instrument = "xrd" } },
            Objectives = [new ObjectiveDefinition { Name = "y", Direction = ObjectiveDirection.Maximize }],
            Strategy = new StrategySpec { Name = "random" },
            Budget = 3,
        };

        CampaignPlan plan = CampaignSpecCompiler.Compile(spec, TestCatalog.Full);

        Assert.Equal(["xrd", "analysis"], plan.Steps.Select(s => s.Instrument));
        Assert.Empty(plan.Envelope);
    }

    [Fact]
    public void A_spec_with_parse_errors_is_refused_by_the_compiler()
    {
        CampaignSpec spec = Assert.IsType<CampaignSpec>(CampaignSpecParser.Parse(SpecYaml.With("budget: lots\n")).Spec);

        ArgumentException error = Assert.Throws<ArgumentException>(() => CampaignSpecCompiler.Compile(spec, TestCatalog.Full));

        Assert.Contains("parse errors", error.Message, StringComparison.Ordinal);
    }

    private static CampaignPlan Compile(string yaml, SpecCatalog? catalog = null)
    {
        return SpecAssert.Valid(SpecYaml.Load(yaml, catalog));
    }
}
