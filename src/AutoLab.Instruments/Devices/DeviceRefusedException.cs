namespace AutoLab.Instruments.Devices;

/// <summary>
/// Thrown by a device that refuses a command before acting on it (bad options, an interlock); the host
/// reports it as a non-retryable refusal.
/// </summary>
public sealed class DeviceRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceRefusedException()
    {
    }

    /// <summary>Creates the exception with a reason naming the problem.</summary>
    /// <param name="message">What was refused and why.</param>
    public DeviceRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The cause.</param>
    public DeviceRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
