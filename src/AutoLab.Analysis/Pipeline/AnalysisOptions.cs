namespace AutoLab.Analysis.Pipeline;

/// <summary>How this process serves the analysis queue and where its trained models live.</summary>
/// <remarks>
/// Analysis is stateless, so it scales by competing consumers: more workers in one process (this option), or more
/// processes on the same RabbitMQ <c>analysis</c> queue, each taking the next message when it is free.
/// </remarks>
public sealed class AnalysisOptions
{
    /// <summary>Environment variable read by <c>AddAutoLabAnalysis</c> as the default of <see cref="Workers"/>.</summary>
    public const string WorkersVariable = "AUTOLAB_ANALYSIS_WORKERS";

    /// <summary>Analyses this process runs at once on the queue; 0 keeps the transport's default.</summary>
    /// <remarks>Also the RabbitMQ prefetch, so a busy worker does not hoard messages another process could take.</remarks>
    public int Workers { get; set; }

    /// <summary>The model registry folder; null for <see cref="Registry.ModelRegistry.DefaultPath"/>.</summary>
    public string? ModelsPath { get; set; }

    /// <summary>Device the trained models run on: "cpu", "cuda" or "auto".</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>The first invalid setting, or null.</summary>
    /// <returns>A message naming the setting, or null.</returns>
    public string? FindProblem() =>
        Workers < 0 ? $"analysis workers must be 0 (the transport's default) or more, not {Workers}" : null;
}
