namespace AutoLab.Analysis.Consumers;

/// <summary>Names of the analysis service's bus endpoints.</summary>
public static class AnalysisEndpoints
{
    /// <summary>
    /// Queue that receives <see cref="Contracts.Analysis.AnalyzeMeasurement"/>; analysis is stateless, so any
    /// number of workers may compete on it. Also the name reported as the serving "instrument" in faults.
    /// </summary>
    public const string QueueName = "analysis";
}
