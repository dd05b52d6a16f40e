namespace AutoLab.Orchestrator.Campaigns;

/// <summary>How a figure of merit is compared with its target.</summary>
public enum TargetComparison
{
    /// <summary>Met when the value is at most the target (e.g. a fraction of a baseline's cost).</summary>
    AtMost,

    /// <summary>Met when the value is at least the target (e.g. an accuracy).</summary>
    AtLeast,
}
