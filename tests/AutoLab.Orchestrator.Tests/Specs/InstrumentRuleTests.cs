using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>
/// Rules on declared instruments, each reported at its field: names that can be queues and are not
/// built in, the steps served, a program that can be started, and limits the steps leave room for.
/// </summary>
public sealed class InstrumentRuleTests : IDisposable
{
    private readonly ScriptFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_name_of_a_built_in_instrument_is_reported_at_the_name()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  test-functions: {type: external, steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 3, "instruments.test-functions", "'test-functions' is the name of a built-in instrument; give the declared one another name"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_name_that_cannot_be_a_queue_name_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  \"my sim\": {type: external, steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 3, "instruments.my sim", "instrument name 'my sim' may use only letters, digits, '.', '-' and '_' (at most 200), because it names the queue instrument.my sim"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_empty_list_of_steps_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: []}\n"));

        Assert.Equal(new SpecError(2, 35, "instruments.remote.steps", "list at least one step the instrument serves: prepare, measure or both"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_step_listed_twice_is_reported_at_the_repeat()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: [measure, measure]}\n"));

        Assert.Equal(new SpecError(2, 45, "instruments.remote.steps[1]", "step 'measure' is listed more than once"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_capacity_below_one_is_reported()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With("instruments:\n  sim:\n    type: process\n    command: [./sim.sh]\n    steps: [measure]\n    capacity: 0\n"));

        Assert.Equal(new SpecError(6, 15, "instruments.sim.capacity", "capacity must be at least 1 run at a time, found 0"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_timeout_of_zero_is_reported()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With("instruments:\n  sim:\n    type: process\n    command: [./sim.sh]\n    steps: [measure]\n    timeout: 0s\n"));

        Assert.Equal(new SpecError(6, 14, "instruments.sim.timeout", "timeout must be a positive duration, found 0s"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_timeout_longer_than_the_step_that_uses_it_is_reported()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With(
            "instruments:\n  sim:\n    type: process\n    command: [./sim.sh]\n    steps: [measure]\n    timeout: 2m\nsteps:\n  measure: {instrument: sim, timeout: 90s}\n"));

        Assert.Equal(
            new SpecError(6, 14, "instruments.sim.timeout", "timeout 120s is longer than steps.measure.timeout (90s), so the step would give up while the process still runs; lower this or raise the step's timeout"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_timeout_within_the_step_timeout_is_accepted()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With(
            "instruments:\n  sim: {type: process, command: [./sim.sh], steps: [measure], timeout: 90s}\nsteps:\n  measure: {instrument: sim, timeout: 90s}\n"));

        SpecAssert.Valid(result);
    }

    [Fact]
    public void A_missing_program_is_reported_with_the_path_tried()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With("instruments:\n  sim: {type: process, command: [./simulate.sh, a.in], steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 34, "instruments.sim.command[0]", $"program './simulate.sh' not found: tried {folder.Combine("simulate.sh")}"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_program_that_is_not_executable_is_reported_with_the_interpreter_form()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With("instruments:\n  sim: {type: process, command: [./notes.txt], steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 34, "instruments.sim.command[0]", $"'{folder.Combine("notes.txt")}' is not executable; mark it executable (chmod +x) or run it through its interpreter, e.g. [/usr/bin/python3, ./notes.txt]"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_empty_command_is_reported()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With("instruments:\n  sim: {type: process, command: [], steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 33, "instruments.sim.command", "a process instrument needs a command: the program and its arguments, e.g. [/usr/bin/python3, sim.py]"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_missing_working_directory_is_reported_with_its_absolute_path()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With(
            "instruments:\n  sim: {type: process, command: [./sim.sh], working_directory: runs/today, steps: [measure]}\n"));

        Assert.Equal(
            new SpecError(2, 64, "instruments.sim.working_directory", $"working directory '{folder.Combine(Path.Combine("runs", "today"))}' does not exist"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_bad_environment_variable_name_is_reported()
    {
        SpecLoadResult result = SpecYaml.LoadIn(folder.Root, SpecYaml.With(
            "instruments:\n  sim: {type: process, command: [./sim.sh], environment: {\"A=B\": c}, steps: [measure]}\n"));

        SpecAssert.HasError(result, 2, 66, "instruments.sim.environment.A=B", "environment variable name 'A=B' must not be empty or contain '='");
    }

    [Fact]
    public void An_envelope_limit_with_min_above_max_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: [measure], envelope: {x1: [1, 0]}}\n"));

        Assert.Equal(new SpecError(2, 61, "instruments.remote.envelope.x1", "min 1 is above max 0"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_envelope_limit_on_an_unknown_parameter_suggests_a_numeric_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("instruments:\n  remote: {type: external, steps: [measure], envelope: {x3: [0, 1]}}\n"));

        Assert.Equal(new SpecError(2, 61, "instruments.remote.envelope.x3", "unknown parameter 'x3'; did you mean 'x1'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_envelope_limit_on_a_categorical_parameter_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(
            "space:\n  - {name: x1, type: continuous, bounds: [0, 1]}\n  - {name: s, type: categorical, choices: [a, b]}\n" +
            "instruments:\n  remote: {type: external, steps: [measure], envelope: {s: [0, 1]}}\n"));

        Assert.Equal(
            new SpecError(5, 60, "instruments.remote.envelope.s", "'s' is a categorical parameter; only continuous and integer parameters can be used here"),
            SpecAssert.SingleError(result));
    }
}
