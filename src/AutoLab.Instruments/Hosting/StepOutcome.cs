using AutoLab.Contracts.Orchestration;

namespace AutoLab.Instruments.Hosting;

/// <summary>What serving one step command came to: the completion event to publish, or the fault.</summary>
/// <typeparam name="T">The completion event, e.g. <see cref="AutoLab.Contracts.Instruments.MeasurementCompleted"/>.</typeparam>
public sealed record StepOutcome<T>
    where T : class
{
    /// <summary>A successful outcome.</summary>
    /// <param name="result">The completion event.</param>
    public StepOutcome(T result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>A failed outcome.</summary>
    /// <param name="fault">The fault event.</param>
    public StepOutcome(StepFaulted fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Fault = fault;
    }

    /// <summary>The completion event, when the step succeeded.</summary>
    public T? Result { get; }

    /// <summary>The fault, when the step failed.</summary>
    public StepFaulted? Fault { get; }

    /// <summary>Whether the step succeeded.</summary>
    public bool Succeeded => Result is not null;
}
