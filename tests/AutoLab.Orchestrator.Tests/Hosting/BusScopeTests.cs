using AutoLab.Orchestrator.Hosting;

namespace AutoLab.Orchestrator.Tests.Hosting;

/// <summary>A bus scope names an orchestrator's own queues after its campaign and leaves the unscoped (in-memory) names alone.</summary>
public class BusScopeTests
{
    private static readonly Guid Campaign = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    [Fact]
    public void A_scoped_queue_carries_the_campaign_id_and_an_unscoped_one_keeps_its_name()
    {
        BusScope scope = BusScope.ForCampaign(Campaign);

        Assert.Equal("campaign.0f1e2d3c4b5a69788796a5b4c3d2e1f0", scope.Queue("campaign"));
        Assert.Equal("experiment", BusScope.None.Queue("experiment"));
        Assert.Null(BusScope.None.Name);
    }

    [Fact]
    public void A_scoped_address_declares_a_transient_queue_so_sender_and_receiver_agree()
    {
        Uri scoped = BusScope.ForCampaign(Campaign).Address("experiment");
        Uri unscoped = BusScope.None.Address("experiment");

        Assert.Equal($"queue:experiment.{Campaign:N}?{BusScope.AutoDeleteQuery}", scoped.ToString());
        Assert.Equal("queue:experiment", unscoped.ToString());
    }

    [Fact]
    public void A_scope_owns_only_its_campaign_and_no_scope_owns_every_campaign()
    {
        BusScope scope = BusScope.ForCampaign(Campaign);

        Assert.True(scope.Owns(Campaign));
        Assert.False(scope.Owns(Guid.NewGuid()));
        Assert.True(BusScope.None.Owns(Guid.NewGuid()));
    }
}
