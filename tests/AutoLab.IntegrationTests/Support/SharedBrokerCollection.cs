namespace AutoLab.IntegrationTests.Support;

/// <summary>
/// The test classes that run campaigns on the one local RabbitMQ broker scripts/test.sh starts. They run
/// one after another. Orchestrators no longer take each other's saga or instrument messages (their queues
/// are scoped by campaign, see <c>TwoOrchestratorsTests</c>), but the <c>analysis</c> queue is shared on
/// purpose, and these tests train or load different models into different <c>$AUTOLAB_MODELS</c> folders:
/// run together, one test's analysis could be served by another test's process and its models.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBrokerCollection
{
    /// <summary>The collection's name, for <c>[Collection]</c> attributes.</summary>
    public const string Name = "shared RabbitMQ broker";
}
