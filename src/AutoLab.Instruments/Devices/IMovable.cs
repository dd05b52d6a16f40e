namespace AutoLab.Instruments.Devices;

/// <summary>A device that can be set to a value and reports when it got there (Bluesky's <c>Movable</c>).</summary>
/// <typeparam name="T">What the device is set to, e.g. a <see cref="AutoLab.Contracts.ParameterPoint"/>.</typeparam>
/// <remarks><seealso cref="ICheckable{T}"/> checks a value before it is set.</remarks>
public interface IMovable<in T>
{
    /// <summary>Sets the device to <paramref name="value"/>; the task completes when the device is there.</summary>
    /// <param name="value">Target value.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>A task that completes when the move is done.</returns>
    Task SetAsync(T value, CancellationToken cancellationToken);
}
