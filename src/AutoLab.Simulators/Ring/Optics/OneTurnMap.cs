using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Optics;

/// <summary>The one-turn map and its Jacobian, from tracking one particle with exact derivatives.</summary>
public static class OneTurnMap
{
    /// <summary>
    /// The Jacobian ∂(x, px, y, py, δ)_out / ∂(x, px, y, py, δ)_in of one turn at a start point,
    /// computed by forward-mode differentiation through the integrator (no finite differences).
    /// </summary>
    /// <param name="tracker">The ring.</param>
    /// <param name="start">Five coordinates: x (m), px (rad), y (m), py (rad), δ.</param>
    /// <returns>A 5×5 matrix; its upper-left 4×4 block is the transverse map at fixed δ.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not hold five values.</exception>
    public static double[,] Jacobian(RingTracker tracker, IReadOnlyList<double> start)
    {
        JetState end = Track(tracker, start, out _);
        var m = new double[5, 5];
        for (int row = 0; row < 5; row++)
        {
            for (int col = 0; col < 5; col++)
            {
                m[row, col] = end[row].Derivative(col);
            }
        }

        return m;
    }

    /// <summary>The coordinates after one turn (no aperture applied).</summary>
    /// <param name="tracker">The ring.</param>
    /// <param name="start">Five coordinates: x (m), px (rad), y (m), py (rad), δ.</param>
    /// <returns>The five coordinates after one turn.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not hold five values.</exception>
    public static double[] Apply(RingTracker tracker, IReadOnlyList<double> start)
    {
        JetState end = Track(tracker, start, out _);
        return [end.X.Value, end.Px.Value, end.Y.Value, end.Py.Value, end.Delta.Value];
    }

    internal static JetState Track(RingTracker tracker, IReadOnlyList<double> start, out double[] coordinates)
    {
        if (start.Count != 5)
        {
            throw new ArgumentException($"a phase-space point has 5 coordinates (x, px, y, py, δ), not {start.Count}", nameof(start));
        }

        coordinates = [.. start];
        return tracker.TrackOneTurn(coordinates);
    }
}
