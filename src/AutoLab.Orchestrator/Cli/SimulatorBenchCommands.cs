using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Orchestrator.Benchmarks;

namespace AutoLab.Orchestrator.Cli;

/// <summary>Benchmarks of the physics simulators: <c>autolab bench tracking</c> and <c>autolab bench simulators</c>.</summary>
public static class SimulatorBenchCommands
{
    /// <summary><c>autolab bench simulators [--json]</c>: XRD patterns and SAXS curves per second.</summary>
    public static Command Simulators()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("simulators", "XRD pattern rate (4,500 points) and SAXS curve rate per model.") { json };
        command.SetAction(parse => CliAction.RunAsync(() =>
        {
            SaxsBenchmark.Figures saxs = SaxsBenchmark.Measure(secondsPerFigure: 2.0);
            var figures = new JsonObject
            {
                ["xrd"] = XrdBenchmark.Run(patterns: 2000, points: 4500),
                ["saxs"] = new JsonObject
                {
                    ["points"] = saxs.Points,
                    ["curves_per_second_one_thread"] = new JsonObject(saxs.SingleThread.Select(r =>
                        KeyValuePair.Create(r.Model.ToString(), (JsonNode?)JsonValue.Create(Math.Round(r.CurvesPerSecond, 1))))),
                    ["sphere_curves_per_second_all_cores"] = Math.Round(saxs.SphereAllCores, 1),
                    ["cores"] = saxs.Cores,
                },
            };
            Console.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = !parse.GetValue(json) }));
            return Task.FromResult(0);
        }));
        return command;
    }

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
