namespace AutoLab.Instruments.Devices;

/// <summary>A device that acquires on demand (a detector exposure, a simulation run).</summary>
/// <remarks><seealso cref="IReadable"/> reads what the acquisition produced.</remarks>
public interface ITriggerable
{
    /// <summary>Starts an acquisition; the task completes when its data can be read.</summary>
    /// <param name="cancellationToken">Cancels the acquisition.</param>
    /// <returns>A task that completes when the acquisition is done.</returns>
    Task TriggerAsync(CancellationToken cancellationToken);
}
