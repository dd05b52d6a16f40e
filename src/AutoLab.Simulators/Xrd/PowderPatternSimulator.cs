using System.Collections.Concurrent;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// Computes powder diffraction patterns: Bragg positions from the lattice, intensities m|F|²·LP, pseudo-Voigt
/// profiles with Caglioti and Scherrer widths, zero shift and sample displacement, Chebyshev background and Poisson counting.
/// </summary>
/// <remarks>
/// <para>Intensity of a reflection (counts/s, integrated over 2θ in degrees):
/// I = Scale · (fraction / V²) · m |F|² · (1 + cos² 2θ) / (sin² θ cos θ) · P, with the Lorentz–polarisation
/// factor of an unpolarised beam without monochromator and the March–Dollase texture factor P
/// (<see cref="PreferredOrientation"/>; 1 for a random powder).</para>
/// <para>Each structure is compiled once into a <see cref="PhaseModel"/> (reflections to 2θ = 180°) and
/// cached by its operators and sites, so solid-solution variants with a new cell reuse it. Peaks are
/// evaluated only within <see cref="DiffractometerSettings.ProfileWindow"/> FWHMs of their centre. The
/// class is thread-safe; one instance can serve many threads.</para>
/// </remarks>
public sealed class PowderPatternSimulator
{
    private readonly ConcurrentDictionary<(IReadOnlyList<SymmetryOperator> Operators, string Sites), PhaseModel> _models = new();

    /// <summary>The compiled model of a structure (cached; compiled for 2θ up to 180° at <paramref name="wavelength"/>).</summary>
    /// <param name="structure">The structure.</param>
    /// <param name="wavelength">The longest wavelength in use (Å).</param>
    /// <returns>The model.</returns>
    public PhaseModel ModelFor(CrystalStructure structure, double wavelength)
    {
        var key = (structure.Operators, string.Join(';', structure.Sites.Select(s => $"{s.Label}:{s.TypeSymbol}:{s.X}:{s.Y}:{s.Z}")));
        // A 3 % margin on dMin lets a Vegard variant with a cell up to 3 % smaller use the same model.
        var dMin = wavelength / 2.0 * 0.97;
        var model = _models.GetOrAdd(key, _ => PhaseModel.Compile(structure, dMin));
        if (model.DMin > dMin * 1.0001)
        {
            model = PhaseModel.Compile(structure, dMin);
            _models[key] = model;
        }

        return model;
    }

    /// <summary>The reflections of a structure visible up to 2θ max at the settings' primary wavelength (extinct ones left out).</summary>
    /// <param name="structure">The structure.</param>
    /// <param name="settings">The instrument.</param>
    /// <param name="twoThetaMax">Largest 2θ (degrees).</param>
    /// <returns>Reflections by increasing 2θ, without zero shift.</returns>
    public IReadOnlyList<Reflection> Reflections(CrystalStructure structure, DiffractometerSettings settings, double twoThetaMax) =>
        ModelFor(structure, Longest(settings)).Reflections(structure, settings.Wavelength, twoThetaMax);

    /// <summary>Adds the expected count rate (counts/s) of the phases and background to <paramref name="rate"/> (one value per point of <paramref name="range"/>).</summary>
    /// <param name="phases">The sample's phases.</param>
    /// <param name="settings">The instrument.</param>
    /// <param name="range">Where to evaluate; its count time is not used.</param>
    /// <param name="rate">Output, length <see cref="ScanRange.Points"/>; overwritten.</param>
    /// <exception cref="ArgumentException">The output has the wrong length.</exception>
    public void ExpectedRate(IReadOnlyList<PhaseContribution> phases, DiffractometerSettings settings, ScanRange range, Span<double> rate)
    {
        if (rate.Length != range.Points)
        {
            throw new ArgumentException($"output has {rate.Length} points but the range has {range.Points}", nameof(rate));
        }

        AddBackground(settings.Background, range, rate);
        var longest = Longest(settings);
        foreach (var phase in phases)
        {
            if (phase.Fraction <= 0)
            {
                continue;
            }

            var model = ModelFor(phase.Structure, longest);
            var volume = phase.Structure.Cell.Volume;
            var phaseScale = settings.Scale * phase.Fraction / (volume * volume);
            AddLine(model, phase, settings, settings.Wavelength, phaseScale, range, rate);
            if (settings.Wavelength2 is { } second && settings.Wavelength2Ratio > 0)
            {
                AddLine(model, phase, settings, second, phaseScale * settings.Wavelength2Ratio, range, rate);
            }
        }
    }

    /// <summary>The noise-free pattern: expected counts = rate × count time.</summary>
    /// <param name="phases">The sample's phases.</param>
    /// <param name="settings">The instrument.</param>
    /// <param name="range">The scan.</param>
    /// <returns>The expected pattern.</returns>
    public PowderPattern Expected(IReadOnlyList<PhaseContribution> phases, DiffractometerSettings settings, ScanRange range)
    {
        var counts = new double[range.Points];
        ExpectedRate(phases, settings, range, counts);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] *= range.CountTime;
        }

        return new PowderPattern(Axis(range), counts, range.CountTime);
    }

    /// <summary>A measured pattern: Poisson draws around rate × count time, so relative noise falls as 1/√t.</summary>
    /// <param name="phases">The sample's phases.</param>
    /// <param name="settings">The instrument.</param>
    /// <param name="range">The scan.</param>
    /// <param name="random">The stream for the counting noise; the same stream state gives the same pattern.</param>
    /// <returns>The measured pattern.</returns>
    public PowderPattern Measure(IReadOnlyList<PhaseContribution> phases, DiffractometerSettings settings, ScanRange range, Random random)
    {
        var counts = new double[range.Points];
        ExpectedRate(phases, settings, range, counts);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = random.NextPoisson(counts[i] * range.CountTime);
        }

        return new PowderPattern(Axis(range), counts, range.CountTime);
    }

    private static double Longest(DiffractometerSettings settings) => Math.Max(settings.Wavelength, settings.Wavelength2 ?? 0.0);

    private static double[] Axis(ScanRange range)
    {
        var axis = new double[range.Points];
        for (var i = 0; i < axis.Length; i++)
        {
            axis[i] = range.At(i);
        }

        return axis;
    }

    private static void AddBackground(IReadOnlyList<double> coefficients, ScanRange range, Span<double> rate)
    {
        for (var i = 0; i < rate.Length; i++)
        {
            // Chebyshev recurrence T(n+1) = 2x T(n) − T(n−1) on x = (2θ − 90°)/90°.
            var x = (range.At(i) - 90.0) / 90.0;
            double previous = 1.0, current = x, sum = 0.0;
            for (var n = 0; n < coefficients.Count; n++)
            {
                var t = n == 0 ? 1.0 : n == 1 ? x : (2.0 * x * current) - previous;
                if (n >= 2)
                {
                    previous = current;
                    current = t;
                }

                sum += coefficients[n] * t;
            }

            rate[i] = Math.Max(0.0, sum);
        }
    }

    private static void AddLine(PhaseModel model, PhaseContribution phase, DiffractometerSettings settings, double wavelength, double scale, ScanRange range, Span<double> rate)
    {
        var reflections = model.Reflections(phase.Structure, wavelength, Math.Min(179.0, range.Stop + 5.0), orientation: phase.Orientation);
        var size = phase.CrystalliteSize is { } nm && double.IsFinite(nm) && nm > 0 ? nm * 10.0 : double.PositiveInfinity;
        foreach (var reflection in reflections)
        {
            var theta = reflection.TwoTheta * Math.PI / 360.0;
            var tan = Math.Tan(theta);
            var cos = Math.Cos(theta);
            var sin = Math.Sin(theta);
            var gaussian = Math.Sqrt(Math.Max(1e-8, (settings.U * tan * tan) + (settings.V * tan) + settings.W));
            var lorentzian = double.IsInfinity(size) ? 0.0 : settings.ScherrerConstant * wavelength / (size * cos) * 180.0 / Math.PI;
            var (fwhm, eta) = PseudoVoigt.Combine(gaussian, lorentzian);
            var displacement = -2.0 * settings.SampleDisplacement * cos / settings.GoniometerRadius * 180.0 / Math.PI;
            var centre = reflection.TwoTheta + settings.ZeroShift + displacement;
            var window = settings.ProfileWindow * fwhm;
            var first = Math.Max(0, (int)Math.Ceiling((centre - window - range.Start) / range.Step));
            var last = Math.Min(range.Points - 1, (int)Math.Floor((centre + window - range.Start) / range.Step));
            if (first > last)
            {
                continue;
            }

            var cos2 = Math.Cos(2.0 * theta);
            var lorentzPolarisation = (1.0 + (cos2 * cos2)) / (sin * sin * cos);
            var area = scale * reflection.Multiplicity * reflection.FSquared * lorentzPolarisation * reflection.TextureFactor;
            PseudoVoigt.AddTo(rate, range.Start, range.Step, first, last, centre, area, fwhm, eta);
        }
    }
}
