using AutoLab.Orchestrator.StateMachines;

namespace AutoLab.Orchestrator.Tests.StateMachines;

/// <summary>
/// Behaviour of the campaign saga (<see cref="CampaignStateMachine"/>), one situation per nested fixture,
/// against the transition table in docs/state-machines.md. The experiment saga is not on the bus: the
/// test plays the active-learning service and the experiments through a <see cref="CampaignDriver"/>.
/// </summary>
public static partial class Campaign_Specs
{
    /// <summary>A bus with the campaign saga and a driver for a fresh campaign.</summary>
    static async Task<(SagaBus Bus, CampaignDriver Driver)> StartBusAsync()
    {
        SagaBus bus = await SagaBus.ForCampaignsAsync();
        return (bus, new CampaignDriver(bus, Guid.NewGuid()));
    }
}
