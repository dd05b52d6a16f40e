namespace AutoLab.Instruments.Hosting;

/// <summary>Names of the instruments' receive endpoints.</summary>
/// <remarks>
/// Prepare and measure commands are <em>sent</em> to <c>instrument.{name}</c>; the endpoints do not bind to
/// the message types' publish exchanges, so a published command reaches no instrument.
/// </remarks>
public static class InstrumentEndpoints
{
    /// <summary>Prefix of every instrument queue.</summary>
    public const string QueuePrefix = "instrument.";

    /// <summary>The queue an instrument receives its commands on: <c>instrument.{name}</c>.</summary>
    /// <param name="instrument">Instrument name.</param>
    /// <returns>The queue name.</returns>
    public static string QueueName(string instrument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instrument);
        return QueuePrefix + instrument;
    }

    /// <summary>The address to send an instrument's commands to (<c>queue:instrument.{name}</c>), for <c>GetSendEndpoint</c>.</summary>
    /// <param name="instrument">Instrument name.</param>
    /// <returns>A short queue address that works on every MassTransit transport.</returns>
    public static Uri Address(string instrument) => new($"queue:{QueueName(instrument)}");
}
