namespace AutoLab.Instruments.Devices;

/// <summary>A device that can say, before moving, whether it accepts a value (limits, interlocks).</summary>
/// <typeparam name="T">The value checked; the same type as in <see cref="IMovable{T}"/>.</typeparam>
public interface ICheckable<in T>
{
    /// <summary>Checks <paramref name="value"/> without moving.</summary>
    /// <param name="value">The value that would be set.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Allowed, or refused with the reason.</returns>
    Task<CheckResult> CheckAsync(T value, CancellationToken cancellationToken);
}
