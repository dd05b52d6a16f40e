namespace AutoLab.IntegrationTests.Support;

/// <summary>
/// The test classes that run campaigns on the one local RabbitMQ broker scripts/test.sh starts. They run
/// one after another: two orchestrator processes on the same broker and virtual host consume each other's
/// <c>campaign</c> and <c>experiment</c> queues, and a saga that receives another process's experiment finds
/// a journal that belongs to a different campaign (seen when these classes ran in parallel).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBrokerCollection
{
    /// <summary>The collection's name, for <c>[Collection]</c> attributes.</summary>
    public const string Name = "shared RabbitMQ broker";
}
