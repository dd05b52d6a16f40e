using MassTransit;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>
/// The part of this orchestrator's queue names that no other orchestrator on the same broker shares:
/// the campaign id in "N" format, or nothing (the fixed names) when the bus is not scoped.
/// </summary>
/// <remarks>
/// Saga state lives in each process's memory, so on one RabbitMQ virtual host each orchestrator needs
/// its own saga and instrument queues; the analysis and active-learning queues stay shared because
/// their consumers are stateless. The id is derived from the campaign, so <c>autolab resume</c> of the
/// same run folder gets the same names. See <see cref="BusOptions.Scope"/> and docs/architecture.md.
/// </remarks>
public sealed record BusScope
{
    BusScope(Guid? campaignId) => CampaignId = campaignId;

    /// <summary>No scope: fixed queue names (the in-memory bus, benchmarks, tests).</summary>
    public static BusScope None { get; } = new((Guid?)null);

    /// <summary>The campaign this process runs, or null when not scoped.</summary>
    public Guid? CampaignId { get; }

    /// <summary>The suffix of the scoped queue names, or null when not scoped.</summary>
    public string? Name => CampaignId?.ToString("N");

    /// <summary>The scope of the orchestrator that runs <paramref name="campaignId"/>.</summary>
    /// <param name="campaignId">The campaign's id.</param>
    /// <returns>A scope named after the campaign.</returns>
    public static BusScope ForCampaign(Guid campaignId) => new(campaignId);

    /// <summary><c>{baseName}.{scope}</c>, or <paramref name="baseName"/> when not scoped.</summary>
    /// <param name="baseName">The fixed queue name, e.g. <c>campaign</c>.</param>
    /// <returns>The queue name this process uses.</returns>
    public string Queue(string baseName) => Name is null ? baseName : $"{baseName}.{Name}";

    /// <summary>
    /// The address to send to a scoped queue: <c>queue:{name}?durable=false&amp;autodelete=true</c>, so that
    /// the declaration MassTransit makes on send matches the receive endpoint's (<see cref="MakeAutoDelete"/>);
    /// the plain <c>queue:{name}</c> when not scoped.
    /// </summary>
    /// <param name="baseName">The fixed queue name, e.g. <c>experiment</c>.</param>
    /// <returns>A short queue address.</returns>
    public Uri Address(string baseName) => new(Name is null ? $"queue:{baseName}" : $"queue:{Queue(baseName)}?{AutoDeleteQuery}");

    /// <summary>The address query that declares a queue as non-durable and auto-deleted (RabbitMQ).</summary>
    public const string AutoDeleteQuery = "durable=false&autodelete=true";

    /// <summary>
    /// Makes a scoped RabbitMQ receive endpoint non-durable and auto-deleted, so the broker removes it when
    /// this process disconnects; other transports are left as they are.
    /// </summary>
    /// <remarks>
    /// Not MassTransit's temporary endpoints: those are exclusive to one connection, and the send that
    /// declares the queue again (for the start message) is refused with RESOURCE_LOCKED. Saga state lives in
    /// memory and <c>autolab resume</c> rebuilds it from the journal, so nothing is lost with the queue.
    /// </remarks>
    /// <param name="endpoint">The endpoint being configured.</param>
    public static void MakeAutoDelete(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.AutoDelete = true;
            rabbit.Durable = false;
        }
    }

    /// <summary>Whether a message for <paramref name="campaignId"/> belongs to this process (always true when not scoped).</summary>
    /// <param name="campaignId">The message's campaign.</param>
    /// <returns>True when this process should act on it.</returns>
    public bool Owns(Guid campaignId) => CampaignId is not { } own || own == campaignId;
}
