using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>The catalog the spec tests check names against: a few instruments, strategies and models.</summary>
internal static class TestCatalog
{
    /// <summary>The test-function instrument's declared limit on x1.</summary>
    public static EnvelopeLimit TestFunctionsX1 { get; } = new() { Instrument = "test-functions", Parameter = "x1", Minimum = -10, Maximum = 20 };

    public static SpecCatalog Full { get; } = new()
    {
        Instruments = new Dictionary<string, InstrumentCatalogEntry>(StringComparer.Ordinal)
        {
            ["test-functions"] = new() { Steps = new HashSet<ExperimentStep> { ExperimentStep.Measure }, Envelope = [TestFunctionsX1] },
            ["synth-robot"] = new() { Steps = new HashSet<ExperimentStep> { ExperimentStep.Prepare } },
            ["xrd"] = new() { Steps = new HashSet<ExperimentStep> { ExperimentStep.Measure } },
        },
        Strategies = new Dictionary<string, StrategyCatalogEntry>(StringComparer.Ordinal)
        {
            ["random"] = new() { NeedsHistory = false },
            ["sobol"] = new() { NeedsHistory = false },
            ["lhs"] = new() { NeedsHistory = false },
            ["gp-ei"] = new() { NeedsHistory = true },
        },
        AnalysisModels = new HashSet<string>(StringComparer.Ordinal) { "readings", "nmf" },
    };
}
