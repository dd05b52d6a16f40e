namespace AutoLab.ActiveLearning.Problems;

/// <summary>ZDT3: a front of five disconnected pieces, f₂ = 1 − √f₁ − f₁ sin(10πf₁) on the f₁ intervals in <see cref="FrontIntervals"/>.</summary>
/// <remarks>
/// h = 1 − √(f₁/g) − (f₁/g) sin(10πf₁) (Zitzler, Deb and Thiele 2000). The curve f₂(f₁) rises in places;
/// the front is the non-dominated part of it, the five intervals below (the values pymoo tabulates).
/// <seealso cref="ZdtProblem"/>
/// </remarks>
public sealed class Zdt3 : ZdtProblem
{
    /// <summary>The f₁ intervals of the five pieces of the front.</summary>
    public static IReadOnlyList<(double From, double To)> FrontIntervals { get; } =
    [
        (0.0, 0.0830015349),
        (0.1822287280, 0.2577623634),
        (0.4093136748, 0.4538821041),
        (0.6183967944, 0.6525117038),
        (0.8233317983, 0.8518328654),
    ];

    /// <summary>Creates the problem.</summary>
    /// <param name="dimension">Number of variables, at least 2; default 30 as in the original suite.</param>
    public Zdt3(int dimension = StandardDimension)
        : base("zdt3", dimension)
    {
    }

    /// <inheritdoc/>
    protected override double H(double f1, double g) =>
        1.0 - Math.Sqrt(f1 / g) - (f1 / g * Math.Sin(10.0 * Math.PI * f1));

    /// <inheritdoc/>
    protected override double FrontF1(double fraction)
    {
        // Spread the points over the pieces in proportion to their lengths.
        double total = 0.0;
        foreach ((double from, double to) in FrontIntervals)
        {
            total += to - from;
        }

        double remaining = fraction * total;
        foreach ((double from, double to) in FrontIntervals)
        {
            if (remaining <= to - from)
            {
                return from + remaining;
            }

            remaining -= to - from;
        }

        return FrontIntervals[^1].To;
    }

    /// <inheritdoc/>
    protected override bool IsFrontF1(double f1, double tolerance)
    {
        foreach ((double from, double to) in FrontIntervals)
        {
            if (f1 >= from - tolerance && f1 <= to + tolerance)
            {
                return true;
            }
        }

        return false;
    }
}
