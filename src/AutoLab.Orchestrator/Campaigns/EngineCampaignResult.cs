using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>What a campaign run through the engine ended with (<see cref="EngineCampaign"/>).</summary>
/// <param name="Ended">How and why it ended, with its completed and faulted counts.</param>
/// <param name="Observations">Every finished experiment in sequence order; a faulted one has <see cref="Observation.Succeeded"/> false and no objectives.</param>
public sealed record EngineCampaignResult(CampaignEnded Ended, IReadOnlyList<Observation> Observations);
