using AutoLab.Contracts.Orchestration;
using MassTransit;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// Ctrl+C handling: the first press halts the campaign gracefully (experiments in flight finish and
/// are journaled); the second lets the process die — the journal already holds everything.
/// </summary>
public sealed class HaltOnCancel(IBus bus, Guid campaignId)
{
    int _presses;

    /// <summary>Handles one press; returns true to keep the process alive.</summary>
    public bool Request()
    {
        if (Interlocked.Increment(ref _presses) > 1)
        {
            return false;
        }

        Console.Error.WriteLine("halting: waiting for experiments in flight (Ctrl+C again to stop now; `autolab resume` continues)");
        _ = bus.Publish(new HaltCampaign
        {
            CampaignId = campaignId,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            Reason = "interrupted (Ctrl+C)",
            RequestedBy = "cli",
        });
        return true;
    }
}
