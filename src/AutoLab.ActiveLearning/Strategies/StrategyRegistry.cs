namespace AutoLab.ActiveLearning.Strategies;

/// <summary>The suggestion strategies this service knows, by name (case-insensitive).</summary>
/// <remarks>
/// The orchestrator asks <see cref="NeedsHistory"/> when it compiles a campaign spec to fill
/// <c>StrategyPlan.NeedsHistory</c>; the <see cref="Consumers.SuggestExperimentsConsumer"/> asks <see cref="Get"/>.
/// </remarks>
public sealed class StrategyRegistry
{
    private readonly Dictionary<string, ISuggestionStrategy> byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the registry.</summary>
    /// <param name="strategies">The strategies; names must be unique regardless of case.</param>
    /// <exception cref="ArgumentException">Two strategies share a name.</exception>
    public StrategyRegistry(IEnumerable<ISuggestionStrategy> strategies)
    {
        foreach (ISuggestionStrategy strategy in strategies)
        {
            if (!byName.TryAdd(strategy.Name, strategy))
            {
                throw new ArgumentException($"two suggestion strategies are named '{strategy.Name}'", nameof(strategies));
            }
        }

        Names = [.. byName.Keys.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>A registry of the baseline strategies: random, sobol and lhs.</summary>
    /// <returns>A new registry.</returns>
    public static StrategyRegistry CreateDefault() =>
        new([new RandomStrategy(), new SobolStrategy(), new LatinHypercubeStrategy()]);

    /// <summary>The strategy with a name.</summary>
    /// <param name="name">Strategy name, any case.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="SuggestionException">No strategy has that name; the message lists the known names.</exception>
    public ISuggestionStrategy Get(string? name) =>
        TryGet(name, out ISuggestionStrategy? strategy)
            ? strategy
            : throw new SuggestionException($"unknown strategy '{name}'; known strategies: {string.Join(", ", Names)}");

    /// <summary>Looks a strategy up without throwing.</summary>
    /// <param name="name">Strategy name, any case.</param>
    /// <param name="strategy">The strategy, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISuggestionStrategy? strategy)
    {
        strategy = null;
        return name is not null && byName.TryGetValue(name.Trim(), out strategy);
    }

    /// <summary>Whether the named strategy reads past observations.</summary>
    /// <param name="name">Strategy name, any case.</param>
    /// <returns>The strategy's <see cref="ISuggestionStrategy.NeedsHistory"/>.</returns>
    /// <exception cref="SuggestionException">No strategy has that name.</exception>
    public bool NeedsHistory(string name) => Get(name).NeedsHistory;
}
