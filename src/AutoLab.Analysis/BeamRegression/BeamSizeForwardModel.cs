namespace AutoLab.Analysis.BeamRegression;

/// <summary>
/// A smooth physical model of how insertion-device gaps change the electron beam size at a source point: the
/// training data of <see cref="BeamSizeRegressor"/>, standing in for the ALS measurements of Leemann et al.
/// (Phys. Rev. Lett. 123, 194801 (2019); seed 000 line 327).
/// </summary>
/// <remarks>
/// <para>Per device i at gap g_i: B0 and K from <see cref="HalbachField"/>. A planar device focuses vertically with
/// k_y = (K k_u / (√2 γ))² = 1/(2ρ0²), 1/ρ0 = B0/(Bρ), and not horizontally (Wiedemann, <i>Particle Accelerator
/// Physics</i>, 4th ed., Springer 2015, §"Focusing in a wiggler magnet"); as a thin lens 1/f_i = k_y L_i.</para>
/// <para>The lenses shift the vertical tune by Δν = Σ β_i/(4π f_i) and beat the beta function at the source point
/// by Δβ/β = −Σ (β_i/f_i) cos(2π(2|φ_i| − ν′)) / (2 sin 2πν′), with ν′ = ν + Δν (Wiedemann, gradient-error
/// perturbation of the beta function; using the shifted tune ν′ keeps the sum well behaved near strong focusing).</para>
/// <para>Each device's field errors add coupling κ_i = c_i B0²; with κ = κ0 + Σκ_i the emittances split as
/// εx = ε0/(1 + κ), εy = κ ε0/(1 + κ). Radiation in the devices adds U_i = 0.633 E²[GeV] B0²[T] L_i[m] keV to the
/// energy lost per turn (Wiedemann, synchrotron radiation chapter: U = 1.266 E² ∫B² ds), which damps the natural
/// emittance to ε0 = ε_nat / (1 + ΣU_i/U0) for devices at zero dispersion.</para>
/// <para>σx = √(εx βx + (ηx σδ)²), σy = √(εy βy (1 + Δβ/β)). The defaults are ALS-like: 1.9 GeV, 2.0 nm natural
/// emittance, U0 = 236 keV, σδ = 9.7·10⁻⁴, a bend source point with βx = 0.8 m, ηx = 0.1 m, βy = 1.2 m, vertical
/// tune 8.20 and six devices, giving σx ≈ 100 µm and σy ≈ 5–7 µm with gap-driven changes of several per cent.</para>
/// </remarks>
public sealed class BeamSizeForwardModel
{
    /// <summary>Electron rest energy (GeV).</summary>
    private const double ElectronMassGeV = 0.51099895e-3;

    /// <summary>Builds a model.</summary>
    /// <param name="devices">The insertion devices, in input order.</param>
    /// <param name="energyGeV">Beam energy (GeV).</param>
    /// <param name="naturalEmittance">Natural emittance without devices (m·rad).</param>
    /// <param name="energyLossPerTurnKeV">Energy lost per turn in the dipoles (keV).</param>
    /// <param name="energySpread">Relative energy spread σδ.</param>
    /// <param name="baseCoupling">Coupling κ0 with all gaps open.</param>
    /// <param name="betaX">Horizontal beta at the source point (m).</param>
    /// <param name="dispersionX">Horizontal dispersion at the source point (m).</param>
    /// <param name="betaY">Vertical beta at the source point (m).</param>
    /// <param name="verticalTune">Vertical betatron tune ν.</param>
    public BeamSizeForwardModel(
        IReadOnlyList<InsertionDevice> devices,
        double energyGeV,
        double naturalEmittance,
        double energyLossPerTurnKeV,
        double energySpread,
        double baseCoupling,
        double betaX,
        double dispersionX,
        double betaY,
        double verticalTune)
    {
        ArgumentOutOfRangeException.ThrowIfZero(devices.Count);
        Devices = devices;
        EnergyGeV = energyGeV;
        NaturalEmittance = naturalEmittance;
        EnergyLossPerTurnKeV = energyLossPerTurnKeV;
        EnergySpread = energySpread;
        BaseCoupling = baseCoupling;
        BetaX = betaX;
        DispersionX = dispersionX;
        BetaY = betaY;
        VerticalTune = verticalTune;
    }

    /// <summary>The devices, in input order.</summary>
    public IReadOnlyList<InsertionDevice> Devices { get; }

    /// <summary>Beam energy (GeV).</summary>
    public double EnergyGeV { get; }

    /// <summary>Natural emittance without devices (m·rad).</summary>
    public double NaturalEmittance { get; }

    /// <summary>Dipole energy loss per turn (keV).</summary>
    public double EnergyLossPerTurnKeV { get; }

    /// <summary>Relative energy spread σδ.</summary>
    public double EnergySpread { get; }

    /// <summary>Coupling κ0 with all gaps open.</summary>
    public double BaseCoupling { get; }

    /// <summary>Horizontal beta at the source point (m).</summary>
    public double BetaX { get; }

    /// <summary>Horizontal dispersion at the source point (m).</summary>
    public double DispersionX { get; }

    /// <summary>Vertical beta at the source point (m).</summary>
    public double BetaY { get; }

    /// <summary>Vertical betatron tune.</summary>
    public double VerticalTune { get; }

    /// <summary>An ALS-like ring with six devices (values in the class remarks).</summary>
    /// <returns>The model.</returns>
    public static BeamSizeForwardModel AlsLike() => new(
        [
            new InsertionDevice("U50", 50.0, 4.5, 14.0, 60.0, 2.2, 0.61, 0.0020),
            new InsertionDevice("EPU50", 50.0, 1.9, 14.0, 60.0, 2.6, 1.87, 0.0035),
            new InsertionDevice("U80", 80.0, 4.0, 20.0, 90.0, 2.0, 3.12, 0.0015),
            new InsertionDevice("U35", 35.0, 4.5, 12.0, 45.0, 2.4, 4.36, 0.0025),
            new InsertionDevice("W114", 114.0, 1.8, 14.0, 120.0, 1.8, 5.58, 0.0010),
            new InsertionDevice("IVU23", 23.0, 1.5, 5.0, 30.0, 1.2, 6.93, 0.0030),
        ],
        energyGeV: 1.9,
        naturalEmittance: 2.0e-9,
        energyLossPerTurnKeV: 236.0,
        energySpread: 9.7e-4,
        baseCoupling: 0.015,
        betaX: 0.8,
        dispersionX: 0.1,
        betaY: 1.2,
        verticalTune: 8.20);

    /// <summary>The noise-free beam size for one gap setting.</summary>
    /// <param name="gapsMm">One gap (mm) per device, in <see cref="Devices"/> order.</param>
    /// <returns>σx and σy (µm).</returns>
    /// <exception cref="ArgumentException">The count differs from the devices', or a gap is not positive and finite.</exception>
    public BeamSize Evaluate(ReadOnlySpan<double> gapsMm)
    {
        if (gapsMm.Length != Devices.Count)
        {
            throw new ArgumentException($"{gapsMm.Length} gaps given for {Devices.Count} devices", nameof(gapsMm));
        }

        double gamma = EnergyGeV / ElectronMassGeV;
        double coupling = BaseCoupling;
        double extraLoss = 0.0;
        double tuneShift = 0.0;
        Span<double> strengths = stackalloc double[Devices.Count];
        for (int i = 0; i < Devices.Count; i++)
        {
            InsertionDevice device = Devices[i];
            double gap = gapsMm[i];
            if (!(gap > 0 && double.IsFinite(gap)))
            {
                throw new ArgumentException($"gap {i} ({device.Name}) must be positive (mm), not {gap}", nameof(gapsMm));
            }

            double field = HalbachField.PeakField(gap, device.PeriodMm);
            double k = HalbachField.DeflectionParameter(gap, device.PeriodMm);
            double ku = 2.0 * Math.PI / (device.PeriodMm * 1e-3);
            // k_y = (K k_u/(√2 γ))²; identical to B0²/(2 (Bρ)²), written through K as the brief's source does.
            double focusing = k * ku / (Math.Sqrt(2.0) * gamma);
            double inverseFocalLength = focusing * focusing * device.LengthM;
            strengths[i] = device.BetaY * inverseFocalLength;
            tuneShift += strengths[i] / (4.0 * Math.PI);
            coupling += device.CouplingPerTesla2 * field * field;
            extraLoss += 0.633 * EnergyGeV * EnergyGeV * field * field * device.LengthM;
        }

        double tune = VerticalTune + tuneShift;
        double beat = 0.0;
        for (int i = 0; i < Devices.Count; i++)
        {
            double phase = 2.0 * Math.PI * ((2.0 * Math.Abs(Devices[i].PhaseTunes)) - tune);
            beat -= strengths[i] * Math.Cos(phase) / (2.0 * Math.Sin(2.0 * Math.PI * tune));
        }

        double emittance = NaturalEmittance / (1.0 + (extraLoss / EnergyLossPerTurnKeV));
        double emittanceX = emittance / (1.0 + coupling);
        double emittanceY = coupling * emittance / (1.0 + coupling);
        double sigmaX = Math.Sqrt((emittanceX * BetaX) + (DispersionX * EnergySpread * DispersionX * EnergySpread));
        double sigmaY = Math.Sqrt(emittanceY * BetaY * Math.Max(0.05, 1.0 + beat));
        return new BeamSize(sigmaX * 1e6, sigmaY * 1e6);
    }
}
