namespace AutoLab.Instruments.Devices;

/// <summary>A device that is readied before a step and put back afterwards (Bluesky's <c>Stageable</c>).</summary>
/// <remarks>
/// The host stages a device once per command, after the limits check, and always unstages it once
/// staging succeeded. Staging is where a device learns the command's context, e.g. where to write
/// its files, as an ophyd area detector learns its file path.
/// </remarks>
public interface IStageable
{
    /// <summary>Readies the device for one command.</summary>
    /// <param name="context">The command being served.</param>
    /// <param name="cancellationToken">Cancels staging.</param>
    /// <returns>A task that completes when the device is staged.</returns>
    Task StageAsync(StageContext context, CancellationToken cancellationToken);

    /// <summary>Puts the device back as it was before <see cref="StageAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels unstaging.</param>
    /// <returns>A task that completes when the device is unstaged.</returns>
    Task UnstageAsync(CancellationToken cancellationToken);
}
