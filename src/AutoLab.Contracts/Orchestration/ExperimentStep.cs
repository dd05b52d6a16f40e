namespace AutoLab.Contracts.Orchestration;

/// <summary>The steps of one experiment, in the order the experiment saga runs them.</summary>
public enum ExperimentStep
{
    /// <summary>Make the sample or apply the machine settings.</summary>
    Prepare,

    /// <summary>Measure the prepared sample.</summary>
    Measure,

    /// <summary>Turn the measurement into objectives and uncertainties.</summary>
    Analyze,
}
