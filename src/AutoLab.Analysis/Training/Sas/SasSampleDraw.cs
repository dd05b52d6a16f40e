using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Training.Sas;

/// <summary>Draws one realistic sample and measurement for a family: sizes, polydispersity, concentration, background and counting.</summary>
/// <remarks>
/// <para>Ranges (log-uniform unless stated), chosen to be typical of colloids, micelles, proteins and polymers seen on
/// a 0.005–0.5 Å⁻¹ camera:</para>
/// <list type="bullet">
/// <item>sphere radius 15–250 Å;</item>
/// <item>core–shell core radius 15–200 Å, shell 5–60 Å, shell contrast −1.5 to −0.3 or +1.5 to +4 times the core's
/// (half each; a ratio near 1 or 0 would make it a plain sphere, which no method could tell apart);</item>
/// <item>cylinder radius 10–80 Å, length 2.5–12 times the diameter (rods, not discs);</item>
/// <item>ellipsoid equatorial radius 20–120 Å, aspect ratio 0.2–0.4 (oblate) or 2.5–4 (prolate), half each (near 1
/// it is a sphere);</item>
/// <item>Gaussian chain Rg 20–200 Å;</item>
/// <item>Schulz polydispersity uniform 0.05–0.25 (not for chains, whose Rg distribution is drawn 0–0.15);</item>
/// <item>volume fraction 0.002–0.03; one particle sample in five instead has 0.05–0.15 with the Percus–Yevick
/// hard-sphere S(q);</item>
/// <item>flat incoherent background 10⁻⁴–10⁻² of the forward intensity; a multiplicative scale 0.5–2 (flux and
/// transmission error);</item>
/// <item>relative resolution uniform 0.02–0.06; counting time 1–30 s at 1000 counts s⁻¹ per cm⁻¹, so relative noise
/// differs by a factor of 5 between curves.</item>
/// </list>
/// <para>Cylinders and ellipsoids cost most (the simulator's orientation quadrature has at least 48 nodes, a constant
/// this generator cannot lower), so their lengths and aspect ratios are capped where a curve still takes tens of
/// milliseconds rather than seconds.</para>
/// </remarks>
public static class SasSampleDraw
{
    /// <summary>Detected counts per second per cm⁻¹ per q point of the simulated camera.</summary>
    public const double CountsPerSecondPerUnitIntensity = 1000.0;

    /// <summary>Draws a sample, camera settings and intensity scale for <paramref name="family"/>.</summary>
    /// <param name="family">The model family.</param>
    /// <param name="options">Grid and noise options.</param>
    /// <param name="random">The curve's own stream.</param>
    /// <returns>The sample, the camera and the scale factor to measure it with.</returns>
    public static (SaxsSample Sample, SaxsCameraSettings Camera, double Scale) Draw(SaxsModel family, SasGeneratorOptions options, Random random)
    {
        double contrast = 3.0;
        var sample = new SaxsSample { Model = family, Contrast = contrast, Polydispersity = Uniform(random, 0.05, 0.25) };
        switch (family)
        {
            case SaxsModel.Sphere:
                sample = sample with { Radius = LogUniform(random, 15.0, 250.0) };
                break;
            case SaxsModel.CoreShell:
            {
                double ratio = random.NextDouble() < 0.5 ? -LogUniform(random, 0.3, 1.5) : LogUniform(random, 1.5, 4.0);
                sample = sample with
                {
                    Radius = LogUniform(random, 15.0, 200.0),
                    ShellThickness = LogUniform(random, 5.0, 60.0),
                    ShellContrast = ratio * contrast,
                };
                break;
            }

            case SaxsModel.Cylinder:
            {
                double radius = LogUniform(random, 10.0, 80.0);
                sample = sample with { Radius = radius, Length = 2.0 * radius * LogUniform(random, 2.5, 12.0) };
                break;
            }

            case SaxsModel.Ellipsoid:
                sample = sample with
                {
                    Radius = LogUniform(random, 20.0, 120.0),
                    AspectRatio = random.NextDouble() < 0.5 ? LogUniform(random, 0.2, 0.4) : LogUniform(random, 2.5, 4.0),
                };
                break;
            case SaxsModel.GaussianChain:
                sample = sample with { Radius = LogUniform(random, 20.0, 200.0), Polydispersity = Uniform(random, 0.0, 0.15) };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, "unknown SAS family");
        }

        bool dense = family != SaxsModel.GaussianChain && random.NextDouble() < 0.2;
        double fraction = dense ? Uniform(random, 0.05, 0.15) : LogUniform(random, 0.002, 0.03);
        sample = sample with { VolumeFraction = fraction, HardSphereInteractions = dense };
        double forward = ForwardIntensity(sample);
        sample = sample with { Background = forward * LogUniform(random, 1e-4, 1e-2) };
        var camera = new SaxsCameraSettings
        {
            QMin = options.QMin,
            QMax = options.QMax,
            Points = options.Points,
            RelativeResolution = Uniform(random, 0.02, 0.06),
            CountTime = LogUniform(random, 1.0, 30.0),
            CountsPerSecondPerUnitIntensity = options.CountingNoise ? CountsPerSecondPerUnitIntensity : 0.0,
        };
        return (sample, camera, LogUniform(random, 0.5, 2.0));
    }

    /// <summary>I(q → 0) of the dilute sample without background (cm⁻¹): 10⁻⁴ φ ⟨(ΔρV)²⟩/⟨V⟩ at the mean size.</summary>
    /// <remarks>Used only to set the background relative to the signal, so the mean size is close enough.</remarks>
    private static double ForwardIntensity(SaxsSample sample)
    {
        double volume = ScatteringModel.Volume(sample, sample.Radius);
        double amplitude = sample.Model == SaxsModel.CoreShell
            ? (ScatteringModel.Volume(sample with { ShellThickness = 0.0 }, sample.Radius) * (sample.Contrast - sample.ShellContrast)) + (volume * sample.ShellContrast)
            : sample.Contrast * volume;
        return 1e-4 * sample.VolumeFraction * amplitude * amplitude / volume;
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());

    private static double LogUniform(Random random, double low, double high) => low * Math.Exp(Math.Log(high / low) * random.NextDouble());
}
