namespace AutoLab.Simulators.Behaviour;

/// <summary>Faults a simulated instrument can inject; one enabled mode is drawn at random for a faulty command.</summary>
[Flags]
public enum SimulatedFaults
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>The instrument refuses the command before acting (the host reports Refused).</summary>
    Refusal = 1,

    /// <summary>The instrument hangs until the command is cancelled (the host reports Timeout).</summary>
    Timeout = 2,

    /// <summary>The instrument returns unusable data, e.g. NaN (the host reports BadOutput).</summary>
    Garbage = 4,

    /// <summary>All of the above.</summary>
    All = Refusal | Timeout | Garbage,
}
