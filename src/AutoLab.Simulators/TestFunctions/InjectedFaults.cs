namespace AutoLab.Simulators.TestFunctions;

/// <summary>Faults a <see cref="TestFunctionInstrument"/> can inject; one is drawn at random for a faulty command.</summary>
[Flags]
public enum InjectedFaults
{
    /// <summary>No faults.</summary>
    None = 0,

    /// <summary>The instrument refuses the point before moving (reported as Refused).</summary>
    Refusal = 1,

    /// <summary>The instrument hangs until the command is cancelled (its time limit or shutdown).</summary>
    Timeout = 2,

    /// <summary>The instrument returns NaN for every output (reported as BadOutput).</summary>
    Garbage = 4,

    /// <summary>All of the above.</summary>
    All = Refusal | Timeout | Garbage,
}
