using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>An element reduced to the numbers the integrators need, laid out flat for the hot loop.</summary>
internal readonly struct TrackingElement
{
    public TrackingElement(Element element)
    {
        Name = element.Name;
        Kind = element.Kind == ElementKind.RfCavity ? ElementKind.Drift : element.Kind;
        Length = element.Length;
        Steps = element.Steps;
        StepLength = element.Length / element.Steps;
        Curvature = element.Kind == ElementKind.Dipole ? element.Angle / element.Length : 0.0;
        K1 = element.K1;
        K2 = element.K2;
        K3 = element.K3;
        // Hard-edge pole-face rotation: a thin lens of strength h·tan(E) (Wiedemann, Particle Accelerator Physics, ch. 6).
        EntranceEdge = Curvature * Math.Tan(element.E1);
        ExitEdge = Curvature * Math.Tan(element.E2);
    }

    public string Name { get; }

    public ElementKind Kind { get; }

    public double Length { get; }

    public int Steps { get; }

    public double StepLength { get; }

    /// <summary>h = angle / L (1/m) for a dipole, else 0.</summary>
    public double Curvature { get; }

    public double K1 { get; }

    public double K2 { get; }

    public double K3 { get; }

    /// <summary>h·tan(E1) (1/m).</summary>
    public double EntranceEdge { get; }

    /// <summary>h·tan(E2) (1/m).</summary>
    public double ExitEdge { get; }

    public static TrackingElement[] Compile(Lattice lattice) =>
        [.. lattice.Elements.Where(e => e.Kind != ElementKind.Marker && !(e.Kind == ElementKind.Drift && e.Length == 0.0)).Select(e => new TrackingElement(e))];
}
