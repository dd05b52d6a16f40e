using System.Collections.Concurrent;

namespace AutoLab.Simulators.Saxs;

/// <summary>Absolute scattered intensity I(q) (cm⁻¹) of a <see cref="SaxsSample"/>, before resolution smearing and counting noise.</summary>
/// <remarks>
/// <para>I(q) = 10⁻⁴ · (φ/⟨V⟩) · ⟨Δρ² V² P(q)⟩ · S(q) + B, where ⟨·⟩ is the number-weighted Schulz average over
/// sizes (<see cref="SchulzDistribution"/>), V the particle volume (Å³), Δρ in 10⁻⁶ Å⁻² and 10⁻⁴ converts
/// Å⁻¹ to cm⁻¹ (Pedersen 1997, eq. 1). φ/⟨V⟩ is the number density, so the volume fraction sets the scale.</para>
/// <para>S(q) is the Percus–Yevick hard-sphere factor (<see cref="PercusYevick"/>) of the mean particle's
/// equal-volume sphere, multiplied onto the size-averaged form factor: the "monodisperse approximation",
/// adequate for the moderate polydispersities and concentrations simulated here.</para>
/// <para>Anisotropic particles are averaged over orientation by Gauss–Legendre quadrature in cos α on [0, 1]
/// (isotropic) or over an in-plane angle distribution (<see cref="InPlaneOrientation"/>).</para>
/// </remarks>
public static class ScatteringModel
{
    /// <summary>Fewest Gauss–Legendre nodes in cos α for the isotropic orientation average.</summary>
    public const int MinIsotropicOrientationNodes = 48;

    /// <summary>Fewest Gauss–Legendre nodes over the in-plane angle distribution of an aligned sample.</summary>
    public const int MinAlignedOrientationNodes = 24;

    /// <summary>Most orientation nodes at any q.</summary>
    public const int MaxOrientationNodes = 1024;

    /// <summary>Converts Δρ² [10⁻¹² Å⁻⁴] × V [Å³] (Å⁻¹ × 10⁻¹²) to cm⁻¹.</summary>
    private const double UnitScale = 1e-4;

    private static readonly ConcurrentDictionary<int, GaussLegendre> IsotropicRules = new();

    /// <summary>Writes I(q) (cm⁻¹, background included) for each q.</summary>
    /// <param name="sample">The sample; must be valid (<see cref="SaxsSample.FindProblem"/>).</param>
    /// <param name="q">Scattering vector magnitudes (Å⁻¹).</param>
    /// <param name="intensity">Output, same length as <paramref name="q"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or the sample is invalid.</exception>
    /// <remarks>
    /// Node counts grow with q (<see cref="SchulzDistribution.NodeCount"/> and the same three-per-period rule for
    /// orientation), so low q costs little and high q does not alias.
    /// </remarks>
    public static void Intensity(SaxsSample sample, ReadOnlySpan<double> q, Span<double> intensity)
    {
        if (q.Length != intensity.Length)
        {
            throw new ArgumentException($"q has {q.Length} values but the output has {intensity.Length}", nameof(intensity));
        }

        if (sample.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(sample));
        }

        var sizeRules = new Dictionary<int, (double[] Sizes, double[] Weights)>();
        var orientationRules = new Dictionary<int, (double[] Cosines, double[] Weights)>();
        (double[] meanSizes, double[] meanWeights) = SchulzDistribution.Nodes(sample.Radius, sample.Polydispersity);
        double meanVolume = 0.0;
        for (int i = 0; i < meanSizes.Length; i++)
        {
            meanVolume += meanWeights[i] * Volume(sample, meanSizes[i]);
        }

        double scale = UnitScale * sample.VolumeFraction / meanVolume;
        bool structure = sample.HardSphereInteractions && sample.Model != SaxsModel.GaussianChain;
        double hardSphereRadius = Math.Cbrt(3.0 * Volume(sample, sample.Radius) / (4.0 * Math.PI));
        double extent = OrientationExtent(sample);
        for (int k = 0; k < q.Length; k++)
        {
            int sizeCount = SchulzDistribution.NodeCount(sample.Radius, sample.Polydispersity, q[k]);
            if (!sizeRules.TryGetValue(sizeCount, out var sizes))
            {
                sizes = SchulzDistribution.Nodes(sample.Radius, sample.Polydispersity, sizeCount);
                sizeRules[sizeCount] = sizes;
            }

            int orientationCount = OrientationNodeCount(sample, q[k] * extent);
            if (!orientationRules.TryGetValue(orientationCount, out var orientations))
            {
                orientations = OrientationNodes(sample, orientationCount);
                orientationRules[orientationCount] = orientations;
            }

            (double[] axial, double[] radial) = OrientationFactors(sample, q[k], orientations.Cosines, orientations.Weights);
            double sum = 0.0;
            for (int i = 0; i < sizes.Sizes.Length; i++)
            {
                sum += sizes.Weights[i] * ContrastVolumeSquared(sample, q[k], sizes.Sizes[i], axial, radial);
            }

            double s = structure ? PercusYevick.StructureFactor(q[k], hardSphereRadius, sample.VolumeFraction) : 1.0;
            intensity[k] = (scale * sum * s) + sample.Background;
        }
    }

    /// <summary>Volume (Å³) of one particle of size <paramref name="size"/>: the whole particle, shell included.</summary>
    /// <param name="sample">The sample (shape and fixed dimensions).</param>
    /// <param name="size">The distributed size (Å), as <see cref="SaxsSample.Radius"/>.</param>
    /// <returns>The volume (Å³).</returns>
    public static double Volume(SaxsSample sample, double size) => sample.Model switch
    {
        SaxsModel.Sphere => SphereVolume(size),
        SaxsModel.CoreShell => SphereVolume(size + sample.ShellThickness),
        SaxsModel.Cylinder => Math.PI * size * size * sample.Length,
        SaxsModel.Ellipsoid => SphereVolume(size) * sample.AspectRatio,
        // N ∝ Rg² for an ideal chain, and the chain's volume is proportional to N.
        SaxsModel.GaussianChain => sample.ChainVolume * (size / sample.Radius) * (size / sample.Radius),
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample.Model, "unknown model"),
    };

    private static double SphereVolume(double radius) => 4.0 / 3.0 * Math.PI * radius * radius * radius;

    /// <summary>⟨Δρ² V² P⟩ over orientations for one size, in 10⁻¹² Å⁻⁴ · Å⁶.</summary>
    /// <remarks>
    /// For the anisotropic shapes F²(q, μ, r) = A(radial·r)² × axial, with A the sphere amplitude (ellipsoid) or
    /// 2J₁(x)/x (cylinder); <see cref="OrientationFactors"/> computes the size-independent parts once per q.
    /// </remarks>
    private static double ContrastVolumeSquared(SaxsSample sample, double q, double size, double[] axial, double[] radial)
    {
        switch (sample.Model)
        {
            case SaxsModel.Sphere:
            {
                double amplitude = sample.Contrast * SphereVolume(size) * FormFactorAmplitudes.Sphere(q * size);
                return amplitude * amplitude;
            }

            case SaxsModel.CoreShell:
            {
                double outer = size + sample.ShellThickness;
                double amplitude = (SphereVolume(size) * (sample.Contrast - sample.ShellContrast) * FormFactorAmplitudes.Sphere(q * size))
                    + (SphereVolume(outer) * sample.ShellContrast * FormFactorAmplitudes.Sphere(q * outer));
                return amplitude * amplitude;
            }

            case SaxsModel.GaussianChain:
            {
                double volume = Volume(sample, size);
                return sample.Contrast * sample.Contrast * volume * volume * FormFactorAmplitudes.Debye(q, size);
            }

            default:
            {
                double volume = Volume(sample, size);
                double average = 0.0;
                bool cylinder = sample.Model == SaxsModel.Cylinder;
                for (int j = 0; j < axial.Length; j++)
                {
                    double x = radial[j] * size;
                    double f = cylinder ? FormFactorAmplitudes.TwoBesselJ1OverX(x) : FormFactorAmplitudes.Sphere(x);
                    average += axial[j] * f * f;
                }

                return sample.Contrast * sample.Contrast * volume * volume * average;
            }
        }
    }

    /// <summary>
    /// Size-independent factors per orientation node: the weight times the axial factor (sinc² of the cylinder's
    /// length term; 1 for the ellipsoid) and the multiplier of the size in the amplitude's argument.
    /// </summary>
    private static (double[] Axial, double[] Radial) OrientationFactors(SaxsSample sample, double q, double[] cosines, double[] weights)
    {
        double[] axial = new double[cosines.Length];
        double[] radial = new double[cosines.Length];
        for (int j = 0; j < cosines.Length; j++)
        {
            double mu2 = cosines[j] * cosines[j];
            if (sample.Model == SaxsModel.Cylinder)
            {
                double sinc = FormFactorAmplitudes.Sinc(0.5 * q * sample.Length * cosines[j]);
                axial[j] = weights[j] * sinc * sinc;
                radial[j] = q * Math.Sqrt(Math.Max(0.0, 1.0 - mu2));
            }
            else
            {
                // Effective radius of an ellipsoid seen along μ: R·√(1 − μ² + (aspect·μ)²) (Guinier 1939).
                axial[j] = weights[j];
                radial[j] = q * Math.Sqrt(1.0 - mu2 + (sample.AspectRatio * sample.AspectRatio * mu2));
            }
        }

        return (axial, radial);
    }

    /// <summary>Largest phase change (Å) across orientations per unit q: the longest dimension of the largest particle.</summary>
    private static double OrientationExtent(SaxsSample sample)
    {
        double largest = SchulzDistribution.Window(sample.Radius, Math.Max(sample.Polydispersity, 1e-9)).Upper;
        return sample.Model switch
        {
            SaxsModel.Cylinder => Math.Max(0.5 * sample.Length, largest),
            // The effective radius runs from R to R·aspect as μ goes from 0 to 1.
            SaxsModel.Ellipsoid => largest * Math.Abs(sample.AspectRatio - 1.0),
            _ => 0.0,
        };
    }

    /// <summary>Orientation nodes for a phase range of <paramref name="phase"/> radians: three per period of F², in multiples of 16.</summary>
    private static int OrientationNodeCount(SaxsSample sample, double phase)
    {
        if (sample.Model is not (SaxsModel.Cylinder or SaxsModel.Ellipsoid))
        {
            return 0;
        }

        bool aligned = sample.Orientation is not null;
        double fraction = sample.Orientation is { } o ? Math.Min(1.0, 8.0 * o.SpreadDegrees * Math.PI / 180.0) : 1.0;
        int count = 16 + (int)Math.Ceiling(3.0 * phase * fraction / Math.PI);
        return Math.Clamp(((count + 15) / 16) * 16, aligned ? MinAlignedOrientationNodes : MinIsotropicOrientationNodes, MaxOrientationNodes);
    }

    /// <summary>cos α nodes and weights (summing to 1) of the sample's orientation distribution.</summary>
    private static (double[] Cosines, double[] Weights) OrientationNodes(SaxsSample sample, int count)
    {
        if (count == 0)
        {
            return ([], []);
        }

        if (sample.Orientation is not { } orientation)
        {
            // ⟨F²⟩ = ∫₀¹ F²(μ) dμ for an isotropic sample; the rule's weights on [0, 1] already sum to 1.
            var isotropic = IsotropicRules.GetOrAdd(count, n => GaussLegendre.Create(n, 0.0, 1.0));
            return ([.. isotropic.Nodes], [.. isotropic.Weights]);
        }

        double mean = orientation.AngleDegrees * Math.PI / 180.0;
        double spread = orientation.SpreadDegrees * Math.PI / 180.0;
        if (spread < 1e-4)
        {
            return ([Math.Abs(Math.Cos(mean))], [1.0]);
        }

        var rule = GaussLegendre.Create(count, mean - (4.0 * spread), mean + (4.0 * spread));
        double[] cosines = new double[count];
        double[] weights = new double[count];
        double sum = 0.0;
        for (int j = 0; j < count; j++)
        {
            double t = (rule.Nodes[j] - mean) / spread;
            cosines[j] = Math.Abs(Math.Cos(rule.Nodes[j]));
            weights[j] = rule.Weights[j] * Math.Exp(-0.5 * t * t);
            sum += weights[j];
        }

        for (int j = 0; j < count; j++)
        {
            weights[j] /= sum;
        }

        return (cosines, weights);
    }
}
