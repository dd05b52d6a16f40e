namespace AutoLab.Instruments.Devices;

/// <summary>A device that can be told to stop what it is doing (Bluesky's <c>Stoppable</c>).</summary>
/// <remarks>The host calls it when an operation runs past the instrument's time limit.</remarks>
public interface IStoppable
{
    /// <summary>Stops any motion or acquisition in progress, as safely as the device can.</summary>
    /// <param name="cancellationToken">Cancels the stop request itself.</param>
    /// <returns>A task that completes when the device has stopped.</returns>
    Task StopAsync(CancellationToken cancellationToken);
}
