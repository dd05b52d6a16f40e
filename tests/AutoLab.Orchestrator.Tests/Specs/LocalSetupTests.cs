using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Adapters.Process;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Hosting;
using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;
using AutoLab.Orchestrator.Tests.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>
/// What <c>autolab run</c> makes of a spec's instruments: process ones hosted here on the process
/// adapter with the declared steps, capacity, timeout and envelope; external ones validated but left
/// to their foreign adapter; and a run folder's copy of the spec resolving paths as the original did.
/// </summary>
public sealed class LocalSetupTests : IDisposable
{
    /// <summary>The simulators every orchestrator hosts, in registration order.</summary>
    static readonly string[] BuiltIns = ["test-functions", "saxs", "synthesis-robot", "diffractometer", "storage-ring"];

    private const string Spec =
        "name: local\n" +
        "space:\n  - {name: x1, type: continuous, bounds: [-2, 2]}\n  - {name: x2, type: continuous, bounds: [-1, 3]}\n" +
        "instruments:\n" +
        "  my-sim:\n" +
        "    type: process\n" +
        "    command: [./sim.sh, --quick]\n" +
        "    working_directory: work\n" +
        "    environment: {SIM_MODE: fast}\n" +
        "    steps: [prepare, measure]\n" +
        "    capacity: 2\n" +
        "    timeout: 15s\n" +
        "    envelope: {x1: [-1, 1]}\n" +
        "  python-sim: {type: external, steps: [measure], envelope: {x2: [0, 1]}}\n" +
        "steps:\n  prepare: {instrument: my-sim}\n  measure: {instrument: python-sim}\n" +
        "objectives:\n  - {name: y, direction: minimize}\nstrategy: sobol\nbudget: 4\n";

    private readonly ScriptFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Process_instruments_are_registered_and_external_ones_are_not()
    {
        CampaignSpec spec = LoadFromFile(Spec);
        var registry = new InstrumentRegistry();

        LocalSetup.RegisterInstruments(registry, spec);

        Assert.Equal([.. BuiltIns, "my-sim"], registry.Instruments.Select(d => d.Name));
        InstrumentDescriptor sim = registry.Get("my-sim");
        Assert.Equal((InstrumentCapabilities.Prepare | InstrumentCapabilities.Measure, 2), (sim.Capabilities, sim.Capacity));
        Assert.Equal(new EnvelopeLimit { Instrument = "my-sim", Parameter = "x1", Minimum = -1, Maximum = 1 }, Assert.Single(sim.Envelope));
        Assert.True(sim.OperationTimeout > TimeSpan.FromSeconds(15), "the host's limit is a safety net behind the process's own 15 s");
        Assert.IsType<ProcessInstrument>(sim.DeviceFactory(new ServiceCollection().BuildServiceProvider()));
    }

    [Fact]
    public void The_process_options_carry_the_resolved_command_and_the_declared_limits()
    {
        CampaignSpec spec = LoadFromFile(Spec);

        ProcessInstrumentOptions options = SpecInstruments.Options(spec, spec.Instruments[0]);

        Assert.Equal(folder.Combine("sim.sh"), options.Executable);
        Assert.Equal(["--quick"], options.Arguments);
        Assert.Equal(folder.Combine("work"), options.WorkingDirectory);
        Assert.Equal("fast", options.Environment["SIM_MODE"]);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
    }

    [Fact]
    public void Without_a_spec_only_the_built_in_instruments_are_registered()
    {
        var registry = new InstrumentRegistry();

        LocalSetup.RegisterInstruments(registry, spec: null);

        Assert.Equal(BuiltIns, registry.Instruments.Select(d => d.Name));
    }

    [Fact]
    public void LoadSpec_accepts_external_instruments_and_puts_their_limits_in_the_plan()
    {
        SpecLoadResult result = LocalSetup.LoadSpec(WriteSpec(Spec));

        CampaignPlan plan = SpecAssert.Valid(result);
        Assert.Equal(
            [("my-sim", "x1"), ("python-sim", "x2")],
            plan.Envelope.Select(l => (l.Instrument, l.Parameter)));
    }

    [Fact]
    public void LoadSpec_refuses_a_declared_instrument_named_like_a_built_in_one()
    {
        SpecLoadResult result = LocalSetup.LoadSpec(WriteSpec(Spec.Replace("python-sim", "test-functions", StringComparison.Ordinal)));

        SpecAssert.HasError(result, 15, 3, "instruments.test-functions", "'test-functions' is the name of a built-in instrument");
    }

    [Fact]
    public void A_run_folders_copy_of_the_spec_resolves_paths_against_the_original_folder()
    {
        string original = WriteSpec(Spec);
        using var runs = new TemporaryFolder();
        RunFolder run = RunFolder.Create(runs.File("run"));

        SpecCopy.Save(original, run);
        SpecLoadResult? copy = SpecCopy.Load(run);

        Assert.NotNull(copy);
        CampaignSpec spec = SpecAssert.ValidSpec(copy);
        Assert.Equal(folder.Root, spec.BaseDirectory);
        Assert.Equal(folder.Combine("sim.sh"), SpecInstruments.Options(spec, spec.Instruments[0]).Executable);
    }

    [Fact]
    public void A_run_folder_without_a_spec_copy_has_nothing_to_load()
    {
        using var runs = new TemporaryFolder();

        Assert.Null(SpecCopy.Load(RunFolder.Create(runs.File("run"))));
    }

    [Fact]
    public async Task The_example_campaigns_script_measures_rosenbrock_through_the_registered_device()
    {
        SpecLoadResult result = LocalSetup.LoadSpec(RepositoryFiles.PathOf("examples/process-instrument.yaml"));
        var registry = new InstrumentRegistry();
        LocalSetup.RegisterInstruments(registry, SpecAssert.ValidSpec(result));
        object device = registry.Get("rosenbrock-script").DeviceFactory(new ServiceCollection().BuildServiceProvider());

        await ((IMovable<ParameterPoint>)device).SetAsync(new ParameterPoint { Values = new Dictionary<string, double> { ["x1"] = 0.5, ["x2"] = 2 } }, CancellationToken.None);
        await ((ITriggerable)device).TriggerAsync(CancellationToken.None);
        DeviceReading reading = await ((IReadable)device).ReadAsync(CancellationToken.None);

        // 100 (2 - 0.25)^2 + (1 - 0.5)^2
        Assert.Equal(306.5, reading.Values["y"], 1e-9);
    }

    private string WriteSpec(string yaml)
    {
        string path = folder.Combine("campaign.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private CampaignSpec LoadFromFile(string yaml) => SpecAssert.ValidSpec(LocalSetup.LoadSpec(WriteSpec(yaml)));
}
