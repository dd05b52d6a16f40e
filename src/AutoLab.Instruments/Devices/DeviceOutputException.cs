namespace AutoLab.Instruments.Devices;

/// <summary>
/// Thrown by a device whose output cannot be used (malformed, missing fields, non-finite numbers);
/// the host reports it as bad output.
/// </summary>
public sealed class DeviceOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceOutputException()
    {
    }

    /// <summary>Creates the exception with a message naming the bad field and where it is.</summary>
    /// <param name="message">What is wrong with the output.</param>
    public DeviceOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong with the output.</param>
    /// <param name="innerException">The cause (e.g. a JSON parse error).</param>
    public DeviceOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
