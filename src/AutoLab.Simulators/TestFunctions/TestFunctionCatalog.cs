namespace AutoLab.Simulators.TestFunctions;

/// <summary>Makes test functions by name (case-insensitive): ackley, branin, hartmann6, levy, rosenbrock, sphere, zdt1.</summary>
public static class TestFunctionCatalog
{
    /// <summary>Dimension used for a d-dimensional function when none is given (ZDT1 uses <see cref="Zdt1.StandardDimension"/>).</summary>
    public const int DefaultDimension = 2;

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ackley"] = new(null, d => new Ackley(d ?? DefaultDimension)),
        ["branin"] = new(2, _ => new Branin()),
        ["hartmann6"] = new(6, _ => new Hartmann6()),
        ["levy"] = new(null, d => new Levy(d ?? DefaultDimension)),
        ["rosenbrock"] = new(null, d => new Rosenbrock(d ?? DefaultDimension)),
        ["sphere"] = new(null, d => new Sphere(d ?? DefaultDimension)),
        ["zdt1"] = new(null, d => new Zdt1(d ?? Zdt1.StandardDimension)),
    };

    /// <summary>The known names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether a name is known.</summary>
    /// <param name="name">Function name (case-insensitive).</param>
    /// <returns>True when known.</returns>
    public static bool Contains(string name) => Entries.ContainsKey(name);

    /// <summary>The fixed number of inputs of a function, or null when it takes any dimension.</summary>
    /// <param name="name">A known function name.</param>
    /// <returns>The dimension, or null.</returns>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static int? FixedDimension(string name) => Find(name).FixedDimension;

    /// <summary>Makes a function.</summary>
    /// <param name="name">Function name (case-insensitive).</param>
    /// <param name="dimension">Number of inputs for a d-dimensional function; must match a fixed-dimension function's own when given.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known ones) or the dimension does not fit.</exception>
    public static TestFunction Create(string name, int? dimension = null)
    {
        var entry = Find(name);
        if (entry.FixedDimension is { } fixedDimension && dimension is { } asked && asked != fixedDimension)
        {
            throw new ArgumentException($"test function '{name}' has {fixedDimension} inputs, not {asked}", nameof(dimension));
        }

        try
        {
            return entry.Create(dimension);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ArgumentException($"test function '{name}' cannot have {dimension} inputs (it needs at least {MinimumDimension(name)})", nameof(dimension), ex);
        }
    }

    private static int MinimumDimension(string name) =>
        name.Equals("rosenbrock", StringComparison.OrdinalIgnoreCase) || name.Equals("zdt1", StringComparison.OrdinalIgnoreCase) ? 2 : 1;

    private static Entry Find(string name) =>
        Entries.TryGetValue(name, out var entry)
            ? entry
            : throw new ArgumentException($"unknown test function '{name}'; known: {string.Join(", ", Names)}", nameof(name));

    private sealed record Entry(int? FixedDimension, Func<int?, TestFunction> Create);
}
