namespace AutoLab.Analysis.Pipeline;

/// <summary>
/// The measurement or the pipeline's configuration cannot give valid objectives: a reading is missing or
/// not finite, an objective was not produced, a model or option is unknown. Trying again will not help.
/// </summary>
/// <remarks>
/// The <see cref="Consumers.AnalyzeMeasurementConsumer"/> reports it as a non-retryable
/// <c>StepFaulted</c> of kind <c>BadOutput</c> whose reason is the message.
/// </remarks>
public sealed class AnalysisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnalysisException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    /// <param name="message">What is wrong and where.</param>
    public AnalysisException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error.</param>
    public AnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
