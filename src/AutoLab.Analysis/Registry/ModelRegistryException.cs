namespace AutoLab.Analysis.Registry;

/// <summary>A model is missing from a <see cref="ModelRegistry"/>, its card is malformed, or its files cannot be loaded.</summary>
/// <remarks>The message names the registry folder and, for a missing model, the names it does hold.</remarks>
public sealed class ModelRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelRegistryException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    /// <param name="message">What is wrong and where.</param>
    public ModelRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error.</param>
    public ModelRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
