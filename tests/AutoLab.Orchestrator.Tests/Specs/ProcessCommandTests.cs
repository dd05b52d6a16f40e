using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>
/// How a process instrument's program, working directory and time limit are resolved: as a shell
/// would find the program, but relative to the spec's folder rather than wherever autolab was started.
/// </summary>
public sealed class ProcessCommandTests : IDisposable
{
    private readonly ScriptFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void An_absolute_program_is_taken_as_it_is()
    {
        bool found = ProcessCommand.TryFindExecutable(folder.Combine("sim.sh"), "/somewhere/else", "", out string path, out string problem);

        Assert.True(found, problem);
        Assert.Equal(folder.Combine("sim.sh"), path);
    }

    [Fact]
    public void A_program_with_a_directory_part_is_relative_to_the_spec_folder_not_the_current_one()
    {
        bool found = ProcessCommand.TryFindExecutable("bin/tool", folder.Root, "", out string path, out string problem);

        Assert.True(found, problem);
        Assert.Equal(folder.Combine(Path.Combine("bin", "tool")), path);
    }

    [Fact]
    public void A_bare_name_is_looked_up_on_the_path()
    {
        string searchPath = string.Join(Path.PathSeparator, "/nonexistent", folder.Combine("bin"));

        bool found = ProcessCommand.TryFindExecutable("tool", "/somewhere/else", searchPath, out string path, out string problem);

        Assert.True(found, problem);
        Assert.Equal(folder.Combine(Path.Combine("bin", "tool")), path);
    }

    [Fact]
    public void A_bare_name_is_not_taken_from_the_spec_folder_but_the_message_points_at_it()
    {
        bool found = ProcessCommand.TryFindExecutable("sim.sh", folder.Root, $"/nonexistent{Path.PathSeparator}/nonexistent", out string path, out string problem);

        Assert.False(found);
        Assert.Equal("", path);
        Assert.Equal($"program 'sim.sh' was not found (searched PATH: /nonexistent); the spec's folder has '{folder.Combine("sim.sh")}': write './sim.sh' to run that one", problem);
    }

    [Fact]
    public void A_bare_name_found_nowhere_says_how_to_name_it()
    {
        bool found = ProcessCommand.TryFindExecutable("elegant", folder.Root, "", out _, out string problem);

        Assert.False(found);
        Assert.Equal("program 'elegant' was not found (PATH is empty); give an absolute path or a path relative to the spec's folder", problem);
    }

    [Fact]
    public void A_non_executable_file_on_the_path_is_skipped()
    {
        bool found = ProcessCommand.TryFindExecutable("notes.txt", "/somewhere/else", folder.Root, out _, out string problem);

        Assert.False(found);
        Assert.StartsWith("program 'notes.txt' was not found", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_a_program()
    {
        bool found = ProcessCommand.TryFindExecutable("./bin", folder.Root, "", out _, out string problem);

        Assert.False(found);
        Assert.Equal($"program './bin' is a directory ({folder.Combine("bin")}); name the executable file in it", problem);
    }

    [Fact]
    public void The_working_directory_is_the_spec_folder_unless_given_relative_to_it()
    {
        CampaignSpec spec = new() { BaseDirectory = folder.Root };

        Assert.Equal(folder.Root, ProcessCommand.WorkingDirectoryOf(spec, new InstrumentSpec()));
        Assert.Equal(folder.Combine("work"), ProcessCommand.WorkingDirectoryOf(spec, new InstrumentSpec { WorkingDirectory = "work" }));
        Assert.Equal("/tmp", ProcessCommand.WorkingDirectoryOf(spec, new InstrumentSpec { WorkingDirectory = "/tmp" }));
    }

    [Fact]
    public void An_empty_base_directory_means_the_current_directory()
    {
        Assert.Equal(Directory.GetCurrentDirectory(), ProcessCommand.FolderOf(new CampaignSpec()));
    }

    [Fact]
    public void The_timeout_written_wins()
    {
        CampaignSpec spec = WithSteps(prepare: 10, measure: 30);

        Assert.Equal(TimeSpan.FromSeconds(5), ProcessCommand.TimeoutOf(spec, new InstrumentSpec { Name = "sim", Timeout = TimeSpan.FromSeconds(5) }));
    }

    [Fact]
    public void Without_a_timeout_the_shortest_timeout_of_the_steps_using_the_instrument_applies()
    {
        CampaignSpec spec = WithSteps(prepare: 10, measure: 30);

        Assert.Equal(TimeSpan.FromSeconds(10), ProcessCommand.TimeoutOf(spec, new InstrumentSpec { Name = "sim" }));
    }

    [Fact]
    public void Without_a_timeout_or_a_step_using_the_instrument_the_adapter_default_applies()
    {
        CampaignSpec spec = WithSteps(prepare: 10, measure: 30);

        Assert.Equal(TimeSpan.FromSeconds(60), ProcessCommand.TimeoutOf(spec, new InstrumentSpec { Name = "other" }));
    }

    private static CampaignSpec WithSteps(double prepare, double measure) => new()
    {
        Steps = new StepsSpec
        {
            Prepare = new StepPlan { Step = ExperimentStep.Prepare, Instrument = "sim", TimeoutSeconds = prepare },
            Measure = new StepPlan { Step = ExperimentStep.Measure, Instrument = "sim", TimeoutSeconds = measure },
        },
    };
}
