using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>An instrument the spec declares itself (<c>instruments.NAME</c>), beside the ones the orchestrator has built in.</summary>
/// <remarks>
/// Declared instruments count as known to the validator for the steps they declare, and their
/// envelopes go into the compiled plan like a catalog instrument's. Only <see cref="InstrumentType.Process"/>
/// ones are hosted here; paths in <see cref="Command"/> and <see cref="WorkingDirectory"/> are resolved by
/// <see cref="ProcessCommand"/> against <see cref="CampaignSpec.BaseDirectory"/>.
/// </remarks>
public sealed record InstrumentSpec
{
    /// <summary>Instrument name, the key under <c>instruments</c>; its queue is <c>instrument.{Name}</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Who runs it (<c>type</c>).</summary>
    public InstrumentType Type { get; init; }

    /// <summary>The program and its arguments, as written (<c>command</c>); empty for external instruments.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The process's working directory as written (<c>working_directory</c>), or null for the spec's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables for the process (<c>environment</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The steps it serves, as written (<c>steps</c>): prepare and/or measure.</summary>
    public IReadOnlyList<ExperimentStep> Steps { get; init; } = [];

    /// <summary>Runs allowed at once (<c>capacity</c>), each holding one lease; 1 when not given.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>
    /// Longest run of the process (<c>timeout</c>), after which it is killed with its children; null when
    /// not given, and then <see cref="ProcessCommand.TimeoutOf"/> uses the longest timeout of the steps that use it.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The instrument's declared safety limits (<c>envelope</c>), each with <see cref="EnvelopeLimit.Instrument"/> = <see cref="Name"/>.</summary>
    public IReadOnlyList<EnvelopeLimit> Envelope { get; init; } = [];
}
