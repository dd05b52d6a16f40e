namespace AutoLab.Contracts.Orchestration;

/// <summary>Why an experiment step failed.</summary>
public enum StepFaultKind
{
    /// <summary>The command was outside the instrument's safety envelope and was never executed.</summary>
    Refused,

    /// <summary>No answer arrived within the step's time limit.</summary>
    Timeout,

    /// <summary>The instrument answered with output that could not be used (malformed, NaN, missing fields).</summary>
    BadOutput,

    /// <summary>The instrument reported an error while executing.</summary>
    DeviceError,

    /// <summary>The instrument is busy, disconnected or not registered.</summary>
    Unavailable,
}
