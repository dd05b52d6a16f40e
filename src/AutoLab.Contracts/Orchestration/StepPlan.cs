namespace AutoLab.Contracts.Orchestration;

/// <summary>How one experiment step is served: by which instrument, with which time limit and retries.</summary>
public sealed record StepPlan
{
    /// <summary>Which step this plan is for.</summary>
    public required ExperimentStep Step { get; init; }

    /// <summary>
    /// Name of the instrument (or analysis service) that serves the step; commands go to the queue
    /// <c>instrument.{Instrument}</c> (prepare, measure) or <c>analysis</c> (analyze).
    /// </summary>
    public required string Instrument { get; init; }

    /// <summary>Time the step may take, from command sent to completion received, in seconds.</summary>
    public double TimeoutSeconds { get; init; } = 60;

    /// <summary>Total attempts including the first; 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Delay before the first retry in seconds; doubles with each further attempt.</summary>
    public double RetryBackoffSeconds { get; init; } = 1;

    /// <summary>Free-form instrument options from the campaign spec (e.g. "function": "branin").</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
