namespace AutoLab.ActiveLearning.Genetic;

/// <summary><see cref="Termination.Any"/> (largest progress; the first criterion that fired reports) and <see cref="Termination.All"/> (smallest progress).</summary>
internal sealed class CombinedTermination : ITermination
{
    private readonly ITermination[] criteria;
    private readonly bool any;

    public CombinedTermination(ITermination[] criteria, bool any)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentOutOfRangeException.ThrowIfZero(criteria.Length);
        this.criteria = criteria;
        this.any = any;
    }

    public double Progress(OptimizationProgress state)
    {
        double combined = any ? 0.0 : 1.0;
        foreach (ITermination criterion in criteria)
        {
            double p = criterion.Progress(state);
            combined = any ? Math.Max(combined, p) : Math.Min(combined, p);
        }

        return combined;
    }

    public ExitReason Reason(OptimizationProgress state) => Deciding(state).Reason(state);

    public string Describe(OptimizationProgress state) =>
        any ? Deciding(state).Describe(state) : string.Join("; ", criteria.Select(c => c.Describe(state)));

    private ITermination Deciding(OptimizationProgress state)
    {
        if (any)
        {
            foreach (ITermination criterion in criteria)
            {
                if (criterion.Progress(state) >= 1.0)
                {
                    return criterion;
                }
            }
        }

        return criteria[0];
    }
}
