namespace AutoLab.Contracts.Orchestration;

/// <summary>The type of a search-space parameter.</summary>
public enum ParameterKind
{
    /// <summary>A real number between bounds.</summary>
    Continuous,

    /// <summary>An integer between bounds (inclusive).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The domain word for an integer-valued parameter; it is wire format.")]
    Integer,

    /// <summary>One of a fixed list of named choices.</summary>
    Categorical,
}
