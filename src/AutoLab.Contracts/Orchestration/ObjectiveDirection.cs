namespace AutoLab.Contracts.Orchestration;

/// <summary>Whether an objective is to be made small or large.</summary>
public enum ObjectiveDirection
{
    /// <summary>Smaller is better.</summary>
    Minimize,

    /// <summary>Larger is better.</summary>
    Maximize,
}
