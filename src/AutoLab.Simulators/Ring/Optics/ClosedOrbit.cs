using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Optics;

/// <summary>The periodic orbit of a particle with momentum deviation δ: the fixed point of the one-turn map.</summary>
public static class ClosedOrbit
{
    /// <summary>Newton iterations allowed.</summary>
    public const int MaxIterations = 30;

    /// <summary>Converged when the orbit closes to this (m or rad).</summary>
    public const double Tolerance = 1e-13;

    /// <summary>Finds the closed orbit at the ring's start by Newton's method on M(z) − z, with the exact Jacobian.</summary>
    /// <param name="tracker">The ring.</param>
    /// <param name="delta">Momentum deviation δ.</param>
    /// <returns>(x, px, y, py) in m and rad, or null when no closed orbit is found (the ring is unstable at this δ).</returns>
    public static double[]? Find(RingTracker tracker, double delta)
    {
        var z = new double[] { 0.0, 0.0, 0.0, 0.0, delta };
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            JetState end = OneTurnMap.Track(tracker, z, out _);
            var residual = new double[4];
            var jacobian = new double[4, 4];
            double size = 0.0;
            for (int row = 0; row < 4; row++)
            {
                residual[row] = -(end[row].Value - z[row]);
                size = Math.Max(size, Math.Abs(residual[row]));
                for (int col = 0; col < 4; col++)
                {
                    jacobian[row, col] = end[row].Derivative(col) - (row == col ? 1.0 : 0.0);
                }
            }

            if (!double.IsFinite(size))
            {
                return null;
            }

            if (size < Tolerance)
            {
                return [z[0], z[1], z[2], z[3]];
            }

            if (SmallMatrix.Solve(jacobian, residual) is not { } step)
            {
                return null;
            }

            for (int k = 0; k < 4; k++)
            {
                z[k] += step[k];
            }
        }

        // Newton converges quadratically; not converging means no usable orbit (or one too far out to matter).
        return null;
    }
}
