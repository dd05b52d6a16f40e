using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Lte;
using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab simulate ring --lattice FILE.lte | --builtin dba [--turns N] [--angles N] --out FILE.json</c>:
/// writes the ring's optics (Twiss functions, tunes, chromaticities) and its on- and off-momentum dynamic
/// apertures, momentum acceptance and Touschek proxy as JSON, and prints a summary line.
/// </summary>
public static class SimulateRingCommand
{
    /// <summary>Builds the <c>ring</c> subcommand (the lead adds it under <c>simulate</c>).</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var lattice = new Option<FileInfo?>("--lattice") { Description = "Lattice in elegant .lte format (the documented subset)." };
        var beamline = new Option<string?>("--beamline") { Description = "Beamline to use; the file's USE, else its last LINE." };
        var builtin = new Option<string?>("--builtin") { Description = "A built-in lattice instead of a file: " + string.Join(", ", BuiltinLattices.Names) + "." };
        var turns = new Option<int>("--turns") { Description = "Turns a particle must survive.", DefaultValueFactory = _ => 512 };
        var angles = new Option<int>("--angles") { Description = "Rays of the dynamic-aperture scan from 0 to π.", DefaultValueFactory = _ => 19 };
        var offMomentum = new Option<double>("--off-momentum-delta") { Description = "|δ| of the off-momentum apertures (0 skips them).", DefaultValueFactory = _ => 0.02 };
        var maxMomentum = new Option<double>("--max-momentum-deviation") { Description = "Largest |δ| of the momentum-aperture scan (0 skips it).", DefaultValueFactory = _ => 0.05 };
        var apertureX = new Option<double>("--aperture-x") { Description = "Horizontal half-aperture in mm.", DefaultValueFactory = _ => PhysicalAperture.Default.HalfWidth * 1e3 };
        var apertureY = new Option<double>("--aperture-y") { Description = "Vertical half-aperture in mm.", DefaultValueFactory = _ => PhysicalAperture.Default.HalfHeight * 1e3 };
        var correct = new Option<string?>("--correct-chromaticity") { Description = "Target \"ξx,ξy\": first set the two chromatic families to reach it." };
        var families = new Option<string>("--chromatic-families") { Description = "Focusing and defocusing sextupole families for --correct-chromaticity.", DefaultValueFactory = _ => "SF,SD" };
        var output = new Option<FileInfo>("--out") { Description = "JSON file to write.", Required = true };
        var command = new Command("ring", "Track a storage ring: optics, tunes, chromaticities and dynamic aperture as JSON.")
        {
            lattice, beamline, builtin, turns, angles, offMomentum, maxMomentum, apertureX, apertureY, correct, families, output,
        };
        command.SetAction(parse => CliAction.RunAsync(async () =>
        {
            Lattice ring = Load(parse.GetValue(lattice), parse.GetValue(beamline), parse.GetValue(builtin));
            if (parse.GetValue(correct) is { } target)
            {
                ring = Correct(ring, target, parse.GetValue(families)!);
            }

            RingEvaluationSettings settings;
            try
            {
                settings = new RingEvaluationSettings
                {
                    Aperture = new PhysicalAperture(parse.GetValue(apertureX) * 1e-3, parse.GetValue(apertureY) * 1e-3),
                    DynamicAperture = new DynamicApertureSettings { Turns = parse.GetValue(turns), Angles = parse.GetValue(angles) },
                    OffMomentumDelta = parse.GetValue(offMomentum),
                    MaxMomentumDeviation = parse.GetValue(maxMomentum),
                };
                settings.Aperture.Validate();
                settings.DynamicAperture.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliError(ex.Message);
            }

            var watch = Stopwatch.StartNew();
            RingEvaluationResult result = RingEvaluator.Evaluate(ring, settings);
            double seconds = watch.Elapsed.TotalSeconds;
            FileInfo file = parse.GetRequiredValue(output);
            await File.WriteAllTextAsync(file.FullName, RingJson(ring, settings, result, seconds).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine(Summary(file.FullName, ring, result, seconds));
            return result.Stable ? 0 : 1;
        }));
        return command;
    }

    static Lattice Load(FileInfo? file, string? beamline, string? builtin)
    {
        if ((file is null) == (builtin is null))
        {
            throw new CliError("give exactly one of --lattice FILE.lte and --builtin NAME");
        }

        try
        {
            return file is not null ? LteParser.ParseFile(file.FullName, beamline) : BuiltinLattices.Create(builtin!);
        }
        catch (Exception ex) when (ex is LteParseException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new CliError(ex.Message);
        }
    }

    static Lattice Correct(Lattice ring, string target, string families)
    {
        string[] parts = target.Split(',', StringSplitOptions.TrimEntries);
        string[] names = families.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || names.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
        {
            throw new CliError($"--correct-chromaticity takes \"ξx,ξy\" (got '{target}') and --chromatic-families two names (got '{families}')");
        }

        try
        {
            ChromaticityCorrectionResult corrected = ChromaticityCorrector.Correct(ring, names[0], names[1], x, y);
            if (!corrected.Converged)
            {
                throw new CliError($"chromaticity correction did not converge: reached {corrected.After}");
            }

            return corrected.Lattice;
        }
        catch (Exception ex) when (ex is ArgumentException or RingUnstableException)
        {
            throw new CliError(ex.Message);
        }
    }

    static string Summary(string path, Lattice ring, RingEvaluationResult result, double seconds)
    {
        if (!result.Stable)
        {
            return $"{path}: lattice '{ring.Name}' is unstable: {result.Problem}";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{path}: {ring.Name}, C = {ring.Circumference:F3} m, Q = ({result.Optics!.TuneX:F4}, {result.Optics.TuneY:F4}), " +
            $"ξ = ({result.Chromaticity?.X:F3}, {result.Chromaticity?.Y:F3}), DA = {result.OnMomentum!.Area * 1e6:F1} mm², " +
            $"δ acceptance = [{result.MomentumAperture?.Negative * 100:F2}, {result.MomentumAperture?.Positive * 100:F2}] %, {seconds:F2} s");
    }

    static JsonObject RingJson(Lattice ring, RingEvaluationSettings settings, RingEvaluationResult result, double seconds)
    {
        var json = new JsonObject
        {
            ["lattice"] = ring.Name,
            ["circumference_m"] = ring.Circumference,
            ["elements"] = ring.Elements.Count,
            ["sextupole_families_k2_per_m3"] = new JsonObject(ring.SextupoleFamilies.Select(f => KeyValuePair.Create(f, (JsonNode?)ring.SextupoleStrength(f)))),
            ["aperture_mm"] = new JsonObject { ["x"] = settings.Aperture.HalfWidth * 1e3, ["y"] = settings.Aperture.HalfHeight * 1e3 },
            ["stable"] = result.Stable,
            ["seconds"] = seconds,
            ["element_passes"] = result.ElementPasses,
        };
        if (!result.Stable)
        {
            json["problem"] = result.Problem;
            return json;
        }

        LinearOpticsResult optics = result.Optics!;
        json["tunes"] = new JsonObject { ["x"] = optics.TuneX, ["y"] = optics.TuneY };
        json["chromaticities"] = result.Chromaticity is { } c ? new JsonObject { ["x"] = c.X, ["y"] = c.Y } : null;
        json["one_turn_matrix"] = new JsonArray([.. optics.OneTurnMatrix.Select(row => (JsonNode)new JsonArray([.. row.Select(v => (JsonNode?)v)]))]);
        json["twiss"] = new JsonArray([.. optics.Twiss.Select(t => (JsonNode)new JsonObject
        {
            ["element"] = t.Element,
            ["s_m"] = t.S,
            ["beta_x_m"] = t.BetaX,
            ["alpha_x"] = t.AlphaX,
            ["beta_y_m"] = t.BetaY,
            ["alpha_y"] = t.AlphaY,
            ["eta_x_m"] = t.EtaX,
            ["eta_px"] = t.EtaPx,
            ["mu_x_rad"] = t.MuX,
            ["mu_y_rad"] = t.MuY,
        })]);
        json["dynamic_aperture"] = Aperture(result.OnMomentum!);
        json["dynamic_aperture_off_momentum"] = result.OffMomentumPlus is null
            ? null
            : new JsonArray(Aperture(result.OffMomentumPlus), Aperture(result.OffMomentumMinus!));
        if (result.MomentumAperture is { } momentum)
        {
            json["momentum_acceptance"] = new JsonObject { ["positive"] = momentum.Positive, ["negative"] = momentum.Negative, ["turns"] = momentum.Turns };
            json["touschek_proxy_percent2"] = momentum.TouschekProxy * 1e4;
        }

        return json;
    }

    static JsonObject Aperture(DynamicApertureResult da) => new()
    {
        ["delta"] = da.Delta,
        ["turns"] = da.Turns,
        ["area_mm2"] = da.Area * 1e6,
        ["angles_rad"] = new JsonArray([.. da.Angles.Select(a => (JsonNode?)a)]),
        ["radii_mm"] = new JsonArray([.. da.Radii.Select(r => (JsonNode?)(r * 1e3))]),
        ["x_mm"] = new JsonArray([.. da.Angles.Zip(da.Radii, (a, r) => (JsonNode?)(r * Math.Cos(a) * 1e3))]),
        ["y_mm"] = new JsonArray([.. da.Angles.Zip(da.Radii, (a, r) => (JsonNode?)(r * Math.Sin(a) * 1e3))]),
    };
}
