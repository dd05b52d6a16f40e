namespace AutoLab.Instruments.Devices;

/// <summary>A device that can be read: it returns values and describes them (Bluesky's <c>Readable</c>).</summary>
/// <remarks>
/// <see cref="DescribeAsync"/> and <see cref="ReadAsync"/> use the same keys, so a reader can look up
/// the dtype, shape and units of every value it gets.
/// <seealso cref="ITriggerable"/>
/// </remarks>
public interface IReadable
{
    /// <summary>Reads the device's current values.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Scalars, arrays and files, keyed as in <see cref="DescribeAsync"/>.</returns>
    Task<DeviceReading> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Describes the values <see cref="ReadAsync"/> returns: one entry per key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Data key descriptions by key.</returns>
    Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken);
}
