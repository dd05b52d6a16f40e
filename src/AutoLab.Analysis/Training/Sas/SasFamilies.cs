using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Training.Sas;

/// <summary>The five SAS model families, and the size parameters each one is regressed on.</summary>
/// <remarks>
/// Sizes are labelled as log10 of the value (Å, or dimensionless for the aspect ratio) because they span an
/// order of magnitude and SAS curves scale with size multiplicatively: a relative error is what matters.
/// </remarks>
public static class SasFamilies
{
    /// <summary>Most size parameters of any family; label arrays have this many columns per row.</summary>
    public const int MaxSizeParameters = 2;

    /// <summary>All five families in label order.</summary>
    public static IReadOnlyList<SaxsModel> All { get; } =
        [SaxsModel.Sphere, SaxsModel.CoreShell, SaxsModel.Cylinder, SaxsModel.Ellipsoid, SaxsModel.GaussianChain];

    /// <summary>Names of the size parameters regressed for a family, in label order.</summary>
    /// <param name="family">The family.</param>
    /// <returns>One or two names, e.g. "radius" and "length" for a cylinder.</returns>
    public static IReadOnlyList<string> SizeParameters(SaxsModel family) => family switch
    {
        SaxsModel.Sphere => ["radius"],
        SaxsModel.CoreShell => ["core_radius", "shell_thickness"],
        SaxsModel.Cylinder => ["radius", "length"],
        SaxsModel.Ellipsoid => ["equatorial_radius", "aspect_ratio"],
        SaxsModel.GaussianChain => ["radius_of_gyration"],
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown SAS family"),
    };

    /// <summary>The size parameters of a sample, as their values (Å or dimensionless), in the order of <see cref="SizeParameters"/>.</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>One or two values.</returns>
    public static double[] Sizes(SaxsSample sample) => sample.Model switch
    {
        SaxsModel.Sphere or SaxsModel.GaussianChain => [sample.Radius],
        SaxsModel.CoreShell => [sample.Radius, sample.ShellThickness],
        SaxsModel.Cylinder => [sample.Radius, sample.Length],
        SaxsModel.Ellipsoid => [sample.Radius, sample.AspectRatio],
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample.Model, "unknown SAS family"),
    };
}
