using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Optics;

/// <summary>
/// Periodic Twiss functions, dispersion and tunes from the exact one-turn matrix at the closed orbit
/// (Courant–Snyder parametrisation; Wiedemann, Particle Accelerator Physics, ch. 8; Lee, Accelerator Physics, §2.II).
/// </summary>
public static class LinearOptics
{
    /// <summary>Computes the optics at momentum deviation <paramref name="delta"/>.</summary>
    /// <param name="tracker">The ring.</param>
    /// <param name="delta">Momentum deviation δ.</param>
    /// <returns>Closed orbit, one-turn matrix, tunes and Twiss functions along the ring.</returns>
    /// <exception cref="RingUnstableException">There is no closed orbit or |cos μ| ≥ 1 in a plane.</exception>
    public static LinearOpticsResult Compute(RingTracker tracker, double delta = 0.0)
    {
        double[] orbit = ClosedOrbit.Find(tracker, delta)
            ?? throw new RingUnstableException($"lattice '{tracker.Lattice.Name}' has no closed orbit at δ = {delta}");
        double[] start = [orbit[0], orbit[1], orbit[2], orbit[3], delta];
        double[,] turn = OneTurnMap.Jacobian(tracker, start);
        (double betaX, double alphaX) = Periodic(turn, 0, tracker.Lattice.Name, "horizontal");
        (double betaY, double alphaY) = Periodic(turn, 2, tracker.Lattice.Name, "vertical");
        double[] eta = PeriodicDispersion(turn);

        var twiss = new List<TwissPoint> { new("START", 0.0, betaX, alphaX, betaY, alphaY, eta[0], eta[1], 0.0, 0.0) };
        JetState state = JetState.Start(start);
        double s = 0.0;
        double muX = 0.0;
        double muY = 0.0;
        foreach (ref readonly TrackingElement e in tracker.Elements)
        {
            JetTracker.TrackElement(in e, ref state);
            s += e.Length;
            (double bx, double ax, double phaseX) = Propagate(state, 0, betaX, alphaX);
            (double by, double ay, double phaseY) = Propagate(state, 2, betaY, alphaY);
            muX = Unwrap(muX, phaseX);
            muY = Unwrap(muY, phaseY);
            double etaX = (state.X.G0 * eta[0]) + (state.X.G1 * eta[1]) + state.X.G4;
            double etaPx = (state.Px.G0 * eta[0]) + (state.Px.G1 * eta[1]) + state.Px.G4;
            twiss.Add(new TwissPoint(e.Name, s, bx, ax, by, ay, etaX, etaPx, muX, muY));
        }

        var matrix = new double[5][];
        for (int row = 0; row < 5; row++)
        {
            matrix[row] = [turn[row, 0], turn[row, 1], turn[row, 2], turn[row, 3], turn[row, 4]];
        }

        return new LinearOpticsResult
        {
            Delta = delta,
            ClosedOrbit = orbit,
            OneTurnMatrix = matrix,
            TuneX = muX / (2.0 * Math.PI),
            TuneY = muY / (2.0 * Math.PI),
            Twiss = twiss,
        };
    }

    /// <summary>β and α at the start from the one-turn block of a plane: cos μ = (M11+M22)/2, β = M12/sin μ, α = (M11−M22)/(2 sin μ).</summary>
    private static (double Beta, double Alpha) Periodic(double[,] m, int i, string lattice, string plane)
    {
        double cos = 0.5 * (m[i, i] + m[i + 1, i + 1]);
        if (!(Math.Abs(cos) < 1.0))
        {
            throw new RingUnstableException($"lattice '{lattice}' has no stable {plane} motion: cos μ = {cos}");
        }

        double sin = Math.Sign(m[i, i + 1]) * Math.Sqrt(1.0 - (cos * cos));
        return (m[i, i + 1] / sin, (m[i, i] - m[i + 1, i + 1]) / (2.0 * sin));
    }

    /// <summary>The periodic dispersion (η, η′) at the start: (I − M)·η = M[·, δ] in the horizontal plane.</summary>
    private static double[] PeriodicDispersion(double[,] m)
    {
        var a = new double[,] { { 1.0 - m[0, 0], -m[0, 1] }, { -m[1, 0], 1.0 - m[1, 1] } };
        return SmallMatrix.Solve(a, [m[0, 4], m[1, 4]]) ?? [0.0, 0.0];
    }

    /// <summary>Twiss at s from the transfer matrix R of the start → s: β = ((R11β0 − R12α0)² + R12²)/β0 and the phase atan2(R12, R11β0 − R12α0).</summary>
    private static (double Beta, double Alpha, double Phase) Propagate(JetState state, int i, double beta0, double alpha0)
    {
        Jet position = state[i];
        Jet momentum = state[i + 1];
        double r11 = position.Derivative(i);
        double r12 = position.Derivative(i + 1);
        double r21 = momentum.Derivative(i);
        double r22 = momentum.Derivative(i + 1);
        double c = (r11 * beta0) - (r12 * alpha0);
        double d = (r21 * beta0) - (r22 * alpha0);
        double beta = ((c * c) + (r12 * r12)) / beta0;
        double alpha = -((c * d) + (r12 * r22)) / beta0;
        return (beta, alpha, Math.Atan2(r12, c));
    }

    /// <summary>Adds the phase advance since the previous point (always in [0, 2π): one element never advances by a full turn).</summary>
    private static double Unwrap(double previous, double phase)
    {
        double advance = phase - previous;
        advance -= 2.0 * Math.PI * Math.Floor(advance / (2.0 * Math.PI));
        // Rounding can turn a zero advance (a drift at a waist) into one just below 2π.
        if (advance > (2.0 * Math.PI) - 1e-9)
        {
            advance = 0.0;
        }

        return previous + advance;
    }
}
