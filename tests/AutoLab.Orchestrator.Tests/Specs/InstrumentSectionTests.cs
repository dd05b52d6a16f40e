using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Reading the <c>instruments</c> section: every field into the model, and shape errors at their place.</summary>
public sealed class InstrumentSectionTests : IDisposable
{
    private readonly ScriptFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_process_instrument_is_read_with_every_field()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With(
            "instruments:\n" +
            "  my-sim:\n" +
            "    type: process\n" +
            "    command: [./sim.sh, --fast, input file.txt]\n" +
            "    working_directory: work\n" +
            "    environment: {OMP_NUM_THREADS: 1}\n" +
            "    steps: [prepare, measure]\n" +
            "    capacity: 3\n" +
            "    timeout: 45s\n" +
            "    envelope: {x1: [0.1, 0.9]}\n" +
            "steps:\n  measure: {instrument: my-sim}\n"));

        CampaignSpec spec = SpecAssert.ValidSpec(result);
        InstrumentSpec instrument = Assert.Single(spec.Instruments);
        Assert.Equal(("my-sim", InstrumentType.Process), (instrument.Name, instrument.Type));
        Assert.Equal(["./sim.sh", "--fast", "input file.txt"], instrument.Command);
        Assert.Equal("work", instrument.WorkingDirectory);
        Assert.Equal("1", instrument.Environment["OMP_NUM_THREADS"]);
        Assert.Equal([ExperimentStep.Prepare, ExperimentStep.Measure], instrument.Steps);
        Assert.Equal((3, TimeSpan.FromSeconds(45)), (instrument.Capacity, instrument.Timeout));
        Assert.Equal(new EnvelopeLimit { Instrument = "my-sim", Parameter = "x1", Minimum = 0.1, Maximum = 0.9 }, Assert.Single(instrument.Envelope));
        Assert.Equal(folder.Root, spec.BaseDirectory);
    }

    [Fact]
    public void An_external_instrument_needs_only_its_steps()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(
            "instruments:\n  python-sim: {type: external, steps: [measure]}\nsteps:\n  measure: {instrument: python-sim}\n"));

        InstrumentSpec instrument = Assert.Single(SpecAssert.ValidSpec(result).Instruments);
        Assert.Equal((InstrumentType.External, 1, (TimeSpan?)null), (instrument.Type, instrument.Capacity, instrument.Timeout));
        Assert.Empty(instrument.Command);
    }

    [Fact]
    public void Process_instruments_default_to_one_run_at_a_time_in_the_spec_folder()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With("instruments:\n  my-sim: {type: process, command: [./sim.sh], steps: [measure]}\n"));

        InstrumentSpec instrument = Assert.Single(SpecAssert.ValidSpec(result).Instruments);
        Assert.Equal((1, (TimeSpan?)null, (string?)null), (instrument.Capacity, instrument.Timeout, instrument.WorkingDirectory));
        Assert.Empty(instrument.Environment);
    }

    [Fact]
    public void A_command_written_as_one_text_is_reported_with_the_list_form()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  my-sim:\n    type: process\n    command: python3 sim.py\n    steps: [measure]\n"));

        Assert.Equal(
            new SpecError(4, 14, "instruments.my-sim.command", "expected a list of the program and its arguments, e.g. [/usr/bin/python3, sim.py], found 'python3 sim.py'; a single text is not split into words"),
            SpecAssert.SingleError(result));
    }

    [Theory]
    [InlineData("command: [python3]", 37)]
    [InlineData("working_directory: .", 47)]
    [InlineData("capacity: 2", 38)]
    [InlineData("timeout: 5s", 37)]
    [InlineData("environment: {A: b}", 41)]
    public void A_process_key_on_an_external_instrument_is_reported_at_its_value(string field, int column)
    {
        string key = field[..field.IndexOf(':', StringComparison.Ordinal)];

        SpecLoadResult result = SpecYaml.Load(SpecYaml.With($"instruments:\n  remote: {{type: external, {field}, steps: [measure]}}\n"));

        Assert.Equal(
            new SpecError(2, column, $"instruments.remote.{key}", $"'{key}' is only for type: process; an external instrument is run by its own adapter on the bus, not by the orchestrator"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_misspelt_type_suggests_the_closest_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: extrenal, steps: [measure]}\n"));

        Assert.Equal(new SpecError(2, 18, "instruments.remote.type", "'extrenal' is not a valid type; did you mean 'external'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_process_instrument_without_a_command_is_reported_at_its_mapping()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  my-sim: {type: process, steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 11, "instruments.my-sim.command", "missing required key 'command' in instruments.my-sim for a process instrument"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_instrument_without_steps_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external}\n"));

        Assert.Equal(new SpecError(2, 11, "instruments.remote.steps", "missing required key 'steps' in instruments.remote"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void The_analyze_step_is_refused_with_the_reason()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: [measure, analyze]}\n"));

        Assert.Equal(
            new SpecError(2, 45, "instruments.remote.steps[1]", "instruments serve prepare and measure; the analyze step is served by the analysis service (steps.analyze)"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_misspelt_step_is_reported_once_with_a_suggestion()
    {
        // Not also "list at least one step": the list is incomplete because of this error, not empty.
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: [mesure]}\n"));

        Assert.Equal(new SpecError(2, 36, "instruments.remote.steps[0]", "'mesure' is not a step an instrument can serve; did you mean 'measure'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_unknown_key_suggests_the_closest_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote:\n    type: external\n    steps: [measure]\n    envelop: {x1: [0, 1]}\n"));

        Assert.Equal(new SpecError(5, 5, "instruments.remote.envelop", "unknown key 'envelop' in instruments.remote; did you mean 'envelope'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_list_of_instruments_is_reported_with_the_mapping_form()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  - {type: external, steps: [measure]}\n"));

        SpecAssert.HasError(result, 2, 3, "instruments", "expected a mapping of instrument names to their declarations");
    }

    [Fact]
    public void An_envelope_limit_that_is_not_a_range_is_reported_at_the_limit()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: [measure], envelope: {x1: 5}}\n"));

        Assert.Equal(new SpecError(2, 61, "instruments.remote.envelope.x1", "expected a list, found '5'"), SpecAssert.SingleError(result));
    }
}
