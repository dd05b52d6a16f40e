using AutoLab.Simulators.Saxs;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>
/// A film's morphology is a seeded, smooth function of position: the same seed gives the same map, nearby points
/// are alike and distant ones differ, and the fields stay within their documented ranges.
/// </summary>
public sealed class FilmMorphologyTests
{
    [Fact]
    public void Same_seed_gives_the_same_map_and_another_seed_a_different_one()
    {
        var first = new FilmMorphology(7);
        var again = new FilmMorphology(7);
        var other = new FilmMorphology(8);

        Assert.Equal(first.At(3.0, 14.0), again.At(3.0, 14.0));
        Assert.NotEqual(first.At(3.0, 14.0).Radius, other.At(3.0, 14.0).Radius);
    }

    [Fact]
    public void Morphology_varies_smoothly_across_the_film_within_its_ranges()
    {
        var film = new FilmMorphology(21);
        double largestStep = 0.0;
        double smallest = double.MaxValue, largest = 0.0;
        for (int i = 0; i <= 200; i++)
        {
            double x = i * 0.1;
            var here = film.At(x, 10.0);
            var next = film.At(x + 0.01, 10.0);
            largestStep = Math.Max(largestStep, Math.Abs(next.Radius - here.Radius));
            smallest = Math.Min(smallest, here.Radius);
            largest = Math.Max(largest, here.Radius);
            Assert.InRange(here.AspectRatio, Math.Exp(-FilmMorphology.AspectLogSpread), Math.Exp(FilmMorphology.AspectLogSpread));
            Assert.InRange(here.Orientation!.AngleDegrees, -90.0, 90.0);
        }

        Assert.True(largestStep < 0.1, $"a 10 µm step changes the radius by under 0.1 Å, not {largestStep}");
        Assert.True(largest - smallest > 2.0, $"across 20 mm the radius varies by more than 2 Å, not {largest - smallest}");
    }

    [Fact]
    public void Aligned_ellipsoids_scatter_differently_along_and_across_their_axis()
    {
        var along = new SaxsSample { Model = SaxsModel.Ellipsoid, AspectRatio = 3.0, Orientation = new InPlaneOrientation(0.0, 5.0) };
        var across = along with { Orientation = new InPlaneOrientation(90.0, 5.0) };
        const double q = 0.03;

        // Along the long axis the particle looks 3× bigger, so its intensity falls off sooner in q.
        Assert.True(SphereFormFactorTests.Intensity(along, q) < 0.8 * SphereFormFactorTests.Intensity(across, q));
    }
}
