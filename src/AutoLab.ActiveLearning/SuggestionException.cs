namespace AutoLab.ActiveLearning;

/// <summary>
/// A suggestion request cannot be answered: the space, constraints, options or strategy name are wrong, or
/// the constraints look infeasible. The message names the problem and where it is.
/// </summary>
/// <remarks>
/// The <see cref="Consumers.SuggestExperimentsConsumer"/> turns it into a
/// <see cref="Contracts.ActiveLearning.SuggestionFailed"/> whose reason is the message, unchanged.
/// </remarks>
public sealed class SuggestionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SuggestionException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    /// <param name="message">What is wrong and where.</param>
    public SuggestionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error.</param>
    public SuggestionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
