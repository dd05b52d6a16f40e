using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>
/// Instruments declared in the spec stand beside the catalog's: steps may use them for the steps they
/// declare, and their envelopes reach the compiled plan as a catalog instrument's do.
/// </summary>
public class DeclaredInstrumentTests
{
    private const string PythonSim = "instruments:\n  python-sim: {type: external, steps: [measure], envelope: {x1: [0, 0.8]}}\n";

    [Fact]
    public void A_step_may_use_a_declared_instrument_the_catalog_does_not_know()
    {
        CampaignPlan plan = SpecAssert.Valid(SpecYaml.Load(SpecYaml.With(PythonSim + "steps:\n  measure: {instrument: python-sim}\n")));

        Assert.Equal(["python-sim", "analysis"], plan.Steps.Select(s => s.Instrument));
    }

    [Fact]
    public void A_declared_instrument_cannot_serve_a_step_it_does_not_declare()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(
            PythonSim + "steps:\n  prepare: {instrument: python-sim}\n  measure: {instrument: python-sim}\n"));

        Assert.Equal(
            new SpecError(4, 25, "steps.prepare.instrument", "instrument 'python-sim' cannot serve the prepare step; it serves: measure, as declared in instruments.python-sim.steps (line 2)"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void Declared_instruments_are_checked_even_when_the_catalog_checks_no_instruments()
    {
        SpecLoadResult result = SpecYaml.Load(
            SpecYaml.With(PythonSim + "steps:\n  prepare: {instrument: python-sim}\n  measure: {instrument: anything}\n"),
            SpecCatalog.Unchecked);

        SpecAssert.HasError(result, 4, 25, "steps.prepare.instrument", "instrument 'python-sim' cannot serve the prepare step");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_misspelt_use_of_a_declared_instrument_suggests_it()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(PythonSim + "steps:\n  measure: {instrument: python-sin}\n"));

        Assert.Equal(new SpecError(4, 25, "steps.measure.instrument", "unknown instrument 'python-sin'; did you mean 'python-sim'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_unknown_instrument_far_from_any_says_how_to_declare_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(PythonSim + "steps:\n  measure: {instrument: elegant}\n"));

        Assert.Equal(
            new SpecError(4, 25, "steps.measure.instrument", "unknown instrument 'elegant'; known instruments are: python-sim, synth-robot, test-functions, xrd; declare it under 'instruments' when a script or a foreign adapter serves it"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void The_plan_envelope_holds_the_declared_limits_then_the_specs_own()
    {
        CampaignPlan plan = SpecAssert.Valid(SpecYaml.Load(SpecYaml.With(
            PythonSim + "steps:\n  measure: {instrument: python-sim}\nenvelope:\n  python-sim: {x1: [0.1, 1], x2: [0, 0.5]}\n")));

        Assert.Equal(
            [("python-sim", "x1", 0.0, 0.8), ("python-sim", "x1", 0.1, 1.0), ("python-sim", "x2", 0.0, 0.5)],
            plan.Envelope.Select(l => (l.Instrument, l.Parameter, l.Minimum, l.Maximum)));
    }

    [Fact]
    public void Declared_limits_of_an_instrument_no_step_uses_stay_out_of_the_plan()
    {
        CampaignPlan plan = SpecAssert.Valid(SpecYaml.Load(SpecYaml.With(PythonSim)));

        Assert.Equal(["test-functions"], plan.Envelope.Select(l => l.Instrument));
    }

    [Fact]
    public void Declared_and_catalog_instruments_each_bring_their_limits()
    {
        CampaignPlan plan = SpecAssert.Valid(SpecYaml.Load(SpecYaml.With(
            "instruments:\n  furnace: {type: external, steps: [prepare], envelope: {x2: [0, 0.7]}}\nsteps:\n  prepare: {instrument: furnace}\n  measure: {instrument: test-functions}\n")));

        Assert.Equal(
            [("furnace", "x2", 0.0, 0.7), ("test-functions", "x1", -10.0, 20.0)],
            plan.Envelope.Select(l => (l.Instrument, l.Parameter, l.Minimum, l.Maximum)));
    }

    [Fact]
    public void A_calibration_may_use_a_declared_instrument_that_measures()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(
            PythonSim + "schedule:\n  calibration: {every: 10m, instrument: python-sim}\n"));

        Assert.Equal("python-sim", SpecAssert.ValidSpec(result).Schedule?.Calibration?.Instrument);
    }

    [Fact]
    public void The_compiler_takes_declared_limits_from_a_spec_built_in_code()
    {
        CampaignSpec spec = new()
        {
            Name = "code",
            Space = [new ParameterDefinition { Name = "x", Kind = ParameterKind.Continuous, Lower = 0, Upper = 1 }],
            Instruments =
            [
                new InstrumentSpec
                {
                    Name = "remote",
                    Type = InstrumentType.External,
                    Steps = [ExperimentStep.Measure],
                    Envelope = [new EnvelopeLimit { Instrument = "remote", Parameter = "x", Minimum = 0.2, Maximum = 0.4 }],
                },
            ],
            Steps = new StepsSpec { Measure = new StepPlan { Step = ExperimentStep.Measure, Instrument = "remote" } },
            Objectives = [new ObjectiveDefinition { Name = "y", Direction = ObjectiveDirection.Minimize }],
            Strategy = new StrategySpec { Name = "sobol" },
            Budget = 2,
        };

        CampaignPlan plan = CampaignSpecCompiler.Compile(spec, TestCatalog.Full);

        Assert.Equal(("remote", 0.2, 0.4), (Assert.Single(plan.Envelope).Instrument, plan.Envelope[0].Minimum, plan.Envelope[0].Maximum));
    }
}
