using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>
/// The one-turn map is symplectic: its 4×4 transverse Jacobian M satisfies MᵀSM = S and det M = 1,
/// also far from the closed orbit where sextupoles and octupoles make the map nonlinear (Forest–Ruth integration
/// of each magnet is symplectic by construction; the test checks the implementation keeps it so).
/// </summary>
public sealed class SymplecticityTests
{
    /// <summary>The done-when bound of the issue: rounding in ~400 elements stays far below it.</summary>
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Lattices => new() { "dba", "dba-rectangular-bends-with-octupoles" };

    [Theory]
    [MemberData(nameof(Lattices))]
    public void One_turn_jacobian_has_unit_determinant_and_preserves_the_symplectic_form(string name)
    {
        var tracker = new RingTracker(Build(name));
        double[] start = [0.004, 2e-4, 0.003, -1e-4, 0.01];

        double[,] m = OneTurnMap.Jacobian(tracker, start);

        var m4 = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                m4[i, j] = m[i, j];
            }
        }

        double determinant = Determinant(m4);
        Assert.True(Math.Abs(determinant - 1.0) < Tolerance, $"det M = {determinant}");
        double[,] form = SymplecticForm(m4);
        double[,] s = { { 0, 1, 0, 0 }, { -1, 0, 0, 0 }, { 0, 0, 0, 1 }, { 0, 0, -1, 0 } };
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                Assert.True(Math.Abs(form[i, j] - s[i, j]) < Tolerance, $"(MᵀSM)[{i},{j}] = {form[i, j]}, expected {s[i, j]}");
            }
        }
    }

    [Fact]
    public void The_map_is_nonlinear_there_so_the_check_is_not_trivial()
    {
        var tracker = new RingTracker(Build("dba"));

        double[,] near = OneTurnMap.Jacobian(tracker, [0.0, 0.0, 0.0, 0.0, 0.0]);
        double[,] far = OneTurnMap.Jacobian(tracker, [0.004, 2e-4, 0.003, -1e-4, 0.01]);

        Assert.True(Math.Abs(near[0, 0] - far[0, 0]) > 1e-3, "sextupoles should change the Jacobian at 4 mm");
    }

    internal static Lattice Build(string name)
    {
        Lattice dba = BuiltinLattices.Dba();
        if (name == "dba")
        {
            return dba;
        }

        // Rectangular bends (edge angles θ/2 at both faces) exercise the edge kicks; octupoles after each SF the K3 kick.
        var elements = new List<Element>();
        foreach (Element e in dba.Elements)
        {
            elements.Add(e.Kind == ElementKind.Dipole ? e with { E1 = e.Angle / 2.0, E2 = e.Angle / 2.0 } : e);
            if (e.Name == "SF")
            {
                elements.Add(Element.Octupole("OC", 0.1, 2000.0));
            }
        }

        return new Lattice("DBA_EDGES_OCT", elements);
    }

    private static double[,] SymplecticForm(double[,] m)
    {
        double[,] s = { { 0, 1, 0, 0 }, { -1, 0, 0, 0 }, { 0, 0, 0, 1 }, { 0, 0, -1, 0 } };
        var result = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double sum = 0.0;
                for (int k = 0; k < 4; k++)
                {
                    for (int l = 0; l < 4; l++)
                    {
                        sum += m[k, i] * s[k, l] * m[l, j];
                    }
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    private static double Determinant(double[,] a)
    {
        var m = (double[,])a.Clone();
        double det = 1.0;
        for (int c = 0; c < 4; c++)
        {
            int p = c;
            for (int r = c + 1; r < 4; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[p, c]))
                {
                    p = r;
                }
            }

            if (p != c)
            {
                for (int k = 0; k < 4; k++)
                {
                    (m[c, k], m[p, k]) = (m[p, k], m[c, k]);
                }

                det = -det;
            }

            det *= m[c, c];
            for (int r = c + 1; r < 4; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int k = c; k < 4; k++)
                {
                    m[r, k] -= f * m[c, k];
                }
            }
        }

        return det;
    }
}
