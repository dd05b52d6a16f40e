using AutoLab.Instruments.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>Everything needed to build the orchestrator's process: bus, journal, local instruments.</summary>
public sealed record AutoLabHostOptions
{
    /// <summary>Bus transport and broker.</summary>
    public BusOptions Bus { get; init; } = new();

    /// <summary>Path of the campaign journal (SQLite file).</summary>
    public required string JournalPath { get; init; }

    /// <summary>Registers the instruments this process serves itself (simulators, process adapters).</summary>
    public Action<InstrumentRegistry> Instruments { get; init; } = _ => { };

    /// <summary>Whether this process also hosts the analysis and active-learning consumers (the embedded default).</summary>
    public bool HostServices { get; init; } = true;

    /// <summary>Lowest log level written to the console.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
