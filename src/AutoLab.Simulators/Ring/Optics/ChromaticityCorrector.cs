using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Optics;

/// <summary>
/// Sets two sextupole families so both chromaticities reach a target: ξ is nearly linear in the family
/// strengths (ξ = ξ₀ + Σ βηK₂L/4π, Wiedemann ch. 9), so Newton's method on the 2×2 response converges in a few steps.
/// </summary>
public static class ChromaticityCorrector
{
    /// <summary>Default tolerance on each chromaticity.</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Step in K2 (1/m³) for the response matrix; ξ is linear in K2 up to the closed-orbit feed-down, so the size barely matters.</summary>
    private const double ResponseStep = 1.0;

    /// <summary>Corrects the chromaticities of <paramref name="lattice"/>.</summary>
    /// <param name="lattice">The ring.</param>
    /// <param name="focusingFamily">Sextupole family at large βx·η (e.g. "SF").</param>
    /// <param name="defocusingFamily">Sextupole family at large βy·η (e.g. "SD").</param>
    /// <param name="targetX">Target horizontal chromaticity.</param>
    /// <param name="targetY">Target vertical chromaticity.</param>
    /// <param name="tolerance">Accepted distance from the target in each plane.</param>
    /// <param name="maxIterations">Newton iterations allowed.</param>
    /// <returns>The corrected lattice, strengths and chromaticities.</returns>
    /// <exception cref="ArgumentException">A family does not exist.</exception>
    /// <exception cref="RingUnstableException">The ring is unstable on the way, or the families do not act independently on ξx and ξy.</exception>
    public static ChromaticityCorrectionResult Correct(
        Lattice lattice,
        string focusingFamily,
        string defocusingFamily,
        double targetX,
        double targetY,
        double tolerance = DefaultTolerance,
        int maxIterations = 10)
    {
        double kf = lattice.SextupoleStrength(focusingFamily);
        double kd = lattice.SextupoleStrength(defocusingFamily);
        Chromaticity before = Measure(lattice, focusingFamily, defocusingFamily, kf, kd);
        Chromaticity current = before;
        int iterations = 0;
        while (!Within(current, targetX, targetY, tolerance) && iterations < maxIterations)
        {
            iterations++;
            Chromaticity dF = Measure(lattice, focusingFamily, defocusingFamily, kf + ResponseStep, kd);
            Chromaticity dD = Measure(lattice, focusingFamily, defocusingFamily, kf, kd + ResponseStep);
            var response = new double[,]
            {
                { (dF.X - current.X) / ResponseStep, (dD.X - current.X) / ResponseStep },
                { (dF.Y - current.Y) / ResponseStep, (dD.Y - current.Y) / ResponseStep },
            };
            double[] step = Optics.SmallMatrix.Solve(response, [targetX - current.X, targetY - current.Y])
                ?? throw new RingUnstableException($"families '{focusingFamily}' and '{defocusingFamily}' do not act independently on the two chromaticities");
            kf += step[0];
            kd += step[1];
            current = Measure(lattice, focusingFamily, defocusingFamily, kf, kd);
        }

        return new ChromaticityCorrectionResult
        {
            Lattice = Apply(lattice, focusingFamily, defocusingFamily, kf, kd),
            FocusingStrength = kf,
            DefocusingStrength = kd,
            Before = before,
            After = current,
            Iterations = iterations,
            Converged = Within(current, targetX, targetY, tolerance),
        };
    }

    private static bool Within(Chromaticity c, double targetX, double targetY, double tolerance) =>
        Math.Abs(c.X - targetX) <= tolerance && Math.Abs(c.Y - targetY) <= tolerance;

    private static Lattice Apply(Lattice lattice, string f, string d, double kf, double kd) =>
        lattice.WithSextupoleStrength(f, kf).WithSextupoleStrength(d, kd);

    private static Chromaticity Measure(Lattice lattice, string f, string d, double kf, double kd) =>
        Chromaticity.Compute(new RingTracker(Apply(lattice, f, d, kf, kd)));
}
