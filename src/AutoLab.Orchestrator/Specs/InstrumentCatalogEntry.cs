using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>What the catalog knows about one instrument.</summary>
public sealed record InstrumentCatalogEntry
{
    /// <summary>The steps the instrument can serve (a synthesis robot prepares, a diffractometer measures).</summary>
    public required IReadOnlySet<ExperimentStep> Steps { get; init; }

    /// <summary>
    /// The instrument's declared safety envelope. The compiler copies these limits into every plan
    /// that uses the instrument, with <see cref="EnvelopeLimit.Instrument"/> set to the catalog name.
    /// </summary>
    public IReadOnlyList<EnvelopeLimit> Envelope { get; init; } = [];
}
