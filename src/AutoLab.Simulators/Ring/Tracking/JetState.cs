namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>One particle's coordinates as jets: values and their derivatives with respect to the initial coordinates.</summary>
internal struct JetState
{
    public Jet X;
    public Jet Px;
    public Jet Y;
    public Jet Py;
    public Jet Delta;

    /// <summary>1/(1+δ), kept because every drift needs it.</summary>
    public Jet InverseMomentum;

    /// <summary>Seeds the five coordinates as independent variables, so the jets carry the Jacobian from here.</summary>
    public static JetState Start(ReadOnlySpan<double> coordinates)
    {
        var state = new JetState
        {
            X = Jet.Variable(coordinates[0], 0),
            Px = Jet.Variable(coordinates[1], 1),
            Y = Jet.Variable(coordinates[2], 2),
            Py = Jet.Variable(coordinates[3], 3),
            Delta = Jet.Variable(coordinates[4], 4),
        };
        state.InverseMomentum = (state.Delta + new Jet(1.0, 0.0, 0.0, 0.0, 0.0, 0.0)).Reciprocal();
        return state;
    }

    /// <summary>Coordinate <paramref name="index"/> (0..4: x, px, y, py, δ).</summary>
    public readonly Jet this[int index] => index switch
    {
        0 => X,
        1 => Px,
        2 => Y,
        3 => Py,
        4 => Delta,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
