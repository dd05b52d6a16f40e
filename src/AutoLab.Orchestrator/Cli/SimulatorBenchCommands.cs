using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Orchestrator.Benchmarks;

namespace AutoLab.Orchestrator.Cli;

/// <summary>Benchmarks of the physics simulators: <c>autolab bench tracking</c>.</summary>
public static class SimulatorBenchCommands
{
    /// <summary><c>autolab bench tracking [--json]</c>: element-passes per second and the time of one dynamic-aperture scan.</summary>
    public static Command Tracking()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("tracking", "Storage-ring tracking throughput and dynamic-aperture time on the built-in ring.") { json };
        command.SetAction(parse => CliAction.RunAsync(() =>
        {
            JsonObject figures = TrackingBenchmark.Run(particles: 4096, turns: 100, repeats: 3, daAngles: 19, daTurns: 512);
            Console.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = !parse.GetValue(json) }));
            return Task.FromResult(0);
        }));
        return command;
    }
}
