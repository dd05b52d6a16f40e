using System.CommandLine;
using System.Globalization;
using System.Text;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab simulate saxs --model sphere|core-shell|cylinder|ellipsoid|gaussian-chain ... --out FILE.csv</c>:
/// writes one simulated SAXS/SANS curve (q, I, σ, noise-free I) as CSV and prints its Guinier Rg and I(0).
/// </summary>
public static class SimulateSaxsCommand
{
    /// <summary>Builds the <c>saxs</c> subcommand (the lead adds it under <c>simulate</c>).</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Particle model.", Required = true }
            .AcceptOnlyFromAmong("sphere", "core-shell", "cylinder", "ellipsoid", "gaussian-chain");
        var radius = new Option<double>("--radius") { Description = "Mean radius in Å (sphere, core, cylinder, equatorial radius; Rg of a chain).", DefaultValueFactory = _ => 50.0 };
        var polydispersity = new Option<double>("--polydispersity") { Description = "Schulz σ/R (number-weighted), 0 to 0.6.", DefaultValueFactory = _ => 0.0 };
        var volumeFraction = new Option<double>("--volume-fraction") { Description = "Particle volume fraction φ in (0, 0.5].", DefaultValueFactory = _ => 0.01 };
        var structureFactor = new Option<bool>("--structure-factor") { Description = "Apply the Percus–Yevick hard-sphere S(q)." };
        var length = new Option<double>("--length") { Description = "Cylinder length in Å.", DefaultValueFactory = _ => 400.0 };
        var aspectRatio = new Option<double>("--aspect-ratio") { Description = "Ellipsoid polar/equatorial radius.", DefaultValueFactory = _ => 2.0 };
        var shellThickness = new Option<double>("--shell-thickness") { Description = "Core–shell shell thickness in Å.", DefaultValueFactory = _ => 10.0 };
        var contrast = new Option<double>("--contrast") { Description = "Contrast Δρ in 1e-6 Å^-2.", DefaultValueFactory = _ => 3.0 };
        var background = new Option<double>("--background") { Description = "Flat incoherent background in 1/cm.", DefaultValueFactory = _ => 0.001 };
        var qMin = new Option<double>("--q-min") { Description = "Smallest q in 1/Å.", DefaultValueFactory = _ => 0.003 };
        var qMax = new Option<double>("--q-max") { Description = "Largest q in 1/Å.", DefaultValueFactory = _ => 0.5 };
        var points = new Option<int>("--points") { Description = "Number of log-spaced q points.", DefaultValueFactory = _ => 200 };
        var resolution = new Option<double>("--resolution") { Description = "Relative Gaussian resolution σq/q (0 for none).", DefaultValueFactory = _ => 0.03 };
        var countTime = new Option<double>("--count-time") { Description = "Counting time in s; noise falls as 1/√t.", DefaultValueFactory = _ => 10.0 };
        var seed = new Option<long>("--seed") { Description = "Seed of the counting noise.", DefaultValueFactory = _ => 0 };
        var x = new Option<double?>("--x") { Description = "Film position x in mm: measure a seeded film (with --y) whose morphology varies with position." };
        var y = new Option<double?>("--y") { Description = "Film position y in mm (with --x)." };
        var filmSeed = new Option<long>("--film-seed") { Description = "Seed of the film's morphology map (20 mm × 20 mm).", DefaultValueFactory = _ => 0 };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write.", Required = true };
        var command = new Command("saxs", "Simulate a SAXS/SANS curve I(q) and write it as CSV.")
        {
            model, radius, polydispersity, volumeFraction, structureFactor, length, aspectRatio, shellThickness, contrast, background,
            qMin, qMax, points, resolution, countTime, seed, x, y, filmSeed, output,
        };
        command.SetAction(parse => CliAction.RunAsync(async () =>
        {
            var sample = new SaxsSample
            {
                Model = ParseModel(parse.GetRequiredValue(model)),
                Radius = parse.GetValue(radius),
                Polydispersity = parse.GetValue(polydispersity),
                VolumeFraction = parse.GetValue(volumeFraction),
                HardSphereInteractions = parse.GetValue(structureFactor),
                Length = parse.GetValue(length),
                AspectRatio = parse.GetValue(aspectRatio),
                ShellThickness = parse.GetValue(shellThickness),
                Contrast = parse.GetValue(contrast),
                Background = parse.GetValue(background),
            };
            var camera = new SaxsCameraSettings
            {
                QMin = parse.GetValue(qMin),
                QMax = parse.GetValue(qMax),
                Points = parse.GetValue(points),
                RelativeResolution = parse.GetValue(resolution),
                CountTime = parse.GetValue(countTime),
            };
            if ((sample.FindProblem() ?? camera.FindProblem()) is { } problem)
            {
                throw new CliError(problem);
            }

            if (parse.GetValue(x) is { } filmX && parse.GetValue(y) is { } filmY)
            {
                // The options describe the film's mean structure; the map varies size, shape and orientation around it.
                var film = new FilmMorphology(parse.GetValue(filmSeed), sample);
                sample = film.Contains(filmX, filmY)
                    ? film.At(filmX, filmY)
                    : throw new CliError($"position ({filmX}, {filmY}) mm is off the film [0, {film.Width}] × [0, {film.Height}] mm");
            }
            else if (parse.GetValue(x) is not null || parse.GetValue(y) is not null)
            {
                throw new CliError("a film position needs both --x and --y");
            }

            SaxsCurve curve = SaxsCamera.Measure(sample, camera, RandomStreams.For(parse.GetValue(seed), "autolab simulate saxs"));
            FileInfo file = parse.GetRequiredValue(output);
            await File.WriteAllTextAsync(file.FullName, Csv(curve));
            GuinierResult guinier = GuinierFit.Fit(curve.Q, curve.Intensity, curve.Uncertainty);
            string summary = double.IsFinite(guinier.RadiusOfGyration)
                ? string.Create(CultureInfo.InvariantCulture, $"Guinier Rg = {guinier.RadiusOfGyration:F2} ± {guinier.RadiusOfGyrationUncertainty:F2} Å, I(0) = {guinier.ForwardIntensity:G5} 1/cm")
                : "no Guinier regime at the low-q end (structure factor or q-min too high)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.FullName}: {curve.Q.Length} points, q {camera.QMin:G4}–{camera.QMax:G4} 1/Å; {summary}"));
            return 0;
        }));
        return command;
    }

    static SaxsModel ParseModel(string name) => name switch
    {
        "sphere" => SaxsModel.Sphere,
        "core-shell" => SaxsModel.CoreShell,
        "cylinder" => SaxsModel.Cylinder,
        "ellipsoid" => SaxsModel.Ellipsoid,
        "gaussian-chain" => SaxsModel.GaussianChain,
        _ => throw new CliError($"unknown model '{name}'"),
    };

    static string Csv(SaxsCurve curve)
    {
        var text = new StringBuilder("q_per_angstrom,intensity_per_cm,sigma_per_cm,expected_per_cm\n");
        for (int i = 0; i < curve.Q.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{curve.Q[i]:R},{curve.Intensity[i]:R},{curve.Uncertainty[i]:R},{curve.Expected[i]:R}\n");
        }

        return text.ToString();
    }
}
