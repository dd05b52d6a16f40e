namespace AutoLab.IntegrationTests.Support;

/// <summary>The real RabbitMQ broker scripts/test.sh starts on loopback.</summary>
public static class BrokerEnvironment
{
    /// <summary>The broker URI from AUTOLAB_RABBITMQ_URI; fails the test with instructions when it is missing.</summary>
    public static string RequireUri()
    {
        string? uri = Environment.GetEnvironmentVariable("AUTOLAB_RABBITMQ_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            string file = RepositoryPaths.Of(".autolab", "rabbitmq.uri");
            uri = File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }

        Assert.False(string.IsNullOrWhiteSpace(uri),
            "this test needs a real RabbitMQ: run it through ./scripts/test.sh, or start one with scripts/rabbitmq.sh start");
        return uri!;
    }
}
