namespace AutoLab.Orchestrator.Specs;

/// <summary>Who runs an instrument declared in a spec (<c>instruments.NAME.type</c>).</summary>
public enum InstrumentType
{
    /// <summary>
    /// The orchestrator hosts it and runs the declared command once per step: the request as JSON on
    /// stdin, the reading as JSON on stdout (a wrapped simulation code, a script).
    /// </summary>
    Process,

    /// <summary>
    /// A foreign adapter serves its queue on the bus (e.g. the Python adapter); the orchestrator only
    /// needs to know the name, the steps it serves and its safety envelope.
    /// </summary>
    External,
}
