using System.CommandLine;
using System.Globalization;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab simulate xrd --cif FILE | --phase NAME | --composition Fe=..,Ni=..,Al=.. --out FILE.csv</c>: writes a
/// simulated powder pattern as CSV and lists the strongest reflections, so users can inspect the simulator
/// and generate datasets.
/// </summary>
public static class SimulateXrdCommand
{
    /// <summary>Builds the command (registered under <c>simulate</c>).</summary>
    public static Command Create()
    {
        var cif = new Option<FileInfo?>("--cif") { Description = "Crystal structure in a CIF file." };
        var phase = new Option<string?>("--phase") { Description = $"Built-in phase: {string.Join(", ", BuiltInStructures.Names)}." };
        var composition = new Option<string?>("--composition") { Description = "Composition in the built-in Fe-Ni-Al system, e.g. Fe=0.25,Ni=0.25,Al=0.5 (equilibrium phases)." };
        var min = new Option<double>("--two-theta-min") { Description = "First 2θ (degrees).", DefaultValueFactory = _ => 10.0 };
        var max = new Option<double>("--two-theta-max") { Description = "Last 2θ (degrees).", DefaultValueFactory = _ => 90.0 };
        var step = new Option<double>("--step") { Description = "Step (degrees).", DefaultValueFactory = _ => 0.02 };
        var wavelength = new Option<double>("--wavelength") { Description = "Wavelength (Å); Cu Kα1 by default.", DefaultValueFactory = _ => DiffractometerSettings.CopperKAlpha1 };
        var countTime = new Option<double>("--count-time") { Description = "Counting time per step (s).", DefaultValueFactory = _ => 1.0 };
        var size = new Option<double>("--crystallite-size") { Description = "Crystallite size (nm) for Scherrer broadening.", DefaultValueFactory = _ => 100.0 };
        var seed = new Option<long>("--seed") { Description = "Seed of the counting noise.", DefaultValueFactory = _ => 0 };
        var expected = new Option<bool>("--expected") { Description = "Write expected (noise-free) counts instead of Poisson draws." };
        var output = new Option<FileInfo>("--out") { Description = "Output CSV (two_theta,counts).", Required = true };
        var command = new Command("xrd", "Simulate a powder diffraction pattern and write it as CSV.")
        {
            cif, phase, composition, min, max, step, wavelength, countTime, size, seed, expected, output,
        };
        command.SetAction(parse => CliAction.RunAsync(() =>
        {
            IReadOnlyList<PhaseContribution> phases = Sample(parse.GetValue(cif), parse.GetValue(phase), parse.GetValue(composition), parse.GetValue(size));
            ScanRange range = Checked(() => new ScanRange(parse.GetValue(min), parse.GetValue(max), parse.GetValue(step), parse.GetValue(countTime)));
            DiffractometerSettings settings = new() { Wavelength = parse.GetValue(wavelength) };
            Checked(settings.Validate);
            var simulator = new PowderPatternSimulator();
            PowderPattern pattern = parse.GetValue(expected)
                ? simulator.Expected(phases, settings, range)
                : simulator.Measure(phases, settings, range, RandomStreams.For(parse.GetValue(seed), "simulate-xrd"));
            FileInfo file = parse.GetRequiredValue(output);
            using (StreamWriter writer = new(file.FullName))
            {
                PowderPatternCsv.Write(writer, pattern);
            }

            Report(simulator, phases, settings, range, file);
            return Task.FromResult(0);
        }));
        return command;
    }

    static List<PhaseContribution> Sample(FileInfo? cif, string? phase, string? composition, double size)
    {
        int given = (cif is null ? 0 : 1) + (phase is null ? 0 : 1) + (composition is null ? 0 : 1);
        if (given != 1)
        {
            throw new CliError("give exactly one of --cif FILE, --phase NAME or --composition Fe=..,Ni=..,Al=..");
        }

        if (cif is not null)
        {
            CrystalStructure structure = Checked(() => CifStructureReader.ReadFile(cif.FullName));
            return [new PhaseContribution(structure, 1.0, size)];
        }

        if (phase is not null)
        {
            return [new PhaseContribution(Checked(() => BuiltInStructures.Get(phase)), 1.0, size)];
        }

        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[] fractions = ParseComposition(composition!, diagram);
        return [.. diagram.Equilibrium(fractions).Select(p => new PhaseContribution(p.Structure, p.Fraction, size))];
    }

    static double[] ParseComposition(string text, PhaseDiagram diagram)
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                || !diagram.Elements.Contains(pair[0], StringComparer.OrdinalIgnoreCase))
            {
                throw new CliError($"--composition: '{part}' is not ELEMENT=FRACTION with ELEMENT one of {string.Join(", ", diagram.Elements)}");
            }

            values[pair[0]] = value;
        }

        string? problem = CompositionReader.TryRead(diagram.Elements, new AutoLab.Contracts.ParameterPoint { Values = values.ToDictionary(v => diagram.Elements.First(e => e.Equals(v.Key, StringComparison.OrdinalIgnoreCase)), v => v.Value) }, out double[] fractions);
        return problem is null ? fractions : throw new CliError($"--composition: {problem}");
    }

    static void Report(PowderPatternSimulator simulator, IReadOnlyList<PhaseContribution> phases, DiffractometerSettings settings, ScanRange range, FileInfo file)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {range.Points} points ({range.Start}–{range.Stop}° step {range.Step}°, {range.CountTime} s/step, λ = {settings.Wavelength} Å) to {file.FullName}"));
        foreach (PhaseContribution phase in phases)
        {
            UnitCell cell = phase.Structure.Cell;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase.Structure.Name}: fraction {phase.Fraction:F3}, a={cell.A:F4} b={cell.B:F4} c={cell.C:F4} Å, α={cell.Alpha:F2} β={cell.Beta:F2} γ={cell.Gamma:F2}°"));
            IReadOnlyList<Reflection> reflections = simulator.Reflections(phase.Structure, settings, range.Stop);
            double strongest = reflections.Count == 0 ? 1.0 : reflections.Max(Intensity);
            foreach (Reflection r in reflections.Where(r => r.TwoTheta >= range.Start).Take(12))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({r.H} {r.K} {r.L})  2θ={r.TwoTheta,8:F3}°  d={r.D:F4} Å  m={r.Multiplicity,2}  I/I0={100 * Intensity(r) / strongest,6:F1}"));
            }
        }
    }

    static double Intensity(Reflection r)
    {
        double theta = r.TwoTheta * Math.PI / 360.0;
        double cos2 = Math.Cos(2.0 * theta);
        return r.Multiplicity * r.FSquared * (1.0 + (cos2 * cos2)) / (Math.Sin(theta) * Math.Sin(theta) * Math.Cos(theta));
    }

    static T Checked<T>(Func<T> make)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is ArgumentException or CifParseException or IOException)
        {
            throw new CliError(e.Message);
        }
    }

    static void Checked(Action check) => Checked(() =>
    {
        check();
        return 0;
    });
}
