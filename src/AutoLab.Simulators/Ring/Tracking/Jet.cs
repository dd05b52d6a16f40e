namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// A value with its first derivatives with respect to the five initial coordinates (x, px, y, py, δ):
/// forward-mode automatic differentiation, so the one-turn Jacobian is exact (no finite differences).
/// </summary>
internal readonly struct Jet
{
    public Jet(double value, double g0, double g1, double g2, double g3, double g4)
    {
        Value = value;
        G0 = g0;
        G1 = g1;
        G2 = g2;
        G3 = g3;
        G4 = g4;
    }

    public double Value { get; }

    public double G0 { get; }

    public double G1 { get; }

    public double G2 { get; }

    public double G3 { get; }

    public double G4 { get; }

    /// <summary>The independent variable number <paramref name="index"/> (0..4) at a value.</summary>
    public static Jet Variable(double value, int index) => new(
        value, index == 0 ? 1.0 : 0.0, index == 1 ? 1.0 : 0.0, index == 2 ? 1.0 : 0.0, index == 3 ? 1.0 : 0.0, index == 4 ? 1.0 : 0.0);

    public double Derivative(int index) => index switch
    {
        0 => G0,
        1 => G1,
        2 => G2,
        3 => G3,
        4 => G4,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static Jet operator +(Jet a, Jet b) => new(a.Value + b.Value, a.G0 + b.G0, a.G1 + b.G1, a.G2 + b.G2, a.G3 + b.G3, a.G4 + b.G4);

    public static Jet operator -(Jet a, Jet b) => new(a.Value - b.Value, a.G0 - b.G0, a.G1 - b.G1, a.G2 - b.G2, a.G3 - b.G3, a.G4 - b.G4);

    public static Jet operator *(Jet a, Jet b) => new(
        a.Value * b.Value,
        (a.G0 * b.Value) + (a.Value * b.G0),
        (a.G1 * b.Value) + (a.Value * b.G1),
        (a.G2 * b.Value) + (a.Value * b.G2),
        (a.G3 * b.Value) + (a.Value * b.G3),
        (a.G4 * b.Value) + (a.Value * b.G4));

    public static Jet operator *(double s, Jet a) => new(s * a.Value, s * a.G0, s * a.G1, s * a.G2, s * a.G3, s * a.G4);

    /// <summary>1/a, with d(1/a) = −da/a².</summary>
    public Jet Reciprocal()
    {
        double r = 1.0 / Value;
        double d = -r * r;
        return new Jet(r, d * G0, d * G1, d * G2, d * G3, d * G4);
    }
}
