using AutoLab.Orchestrator.Approval;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the human-in-the-loop approval poller.</summary>
public static class ApprovalServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ApprovalPoller"/> as a hosted service watching the run folder that holds
    /// <paramref name="journalPath"/>; it stays idle unless the campaign's plan asks for approval.
    /// </summary>
    public static IServiceCollection AddAutoLabApproval(this IServiceCollection services, string journalPath) =>
        services.AddHostedService(sp => new ApprovalPoller(
            journalPath,
            sp.GetRequiredService<IBus>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ApprovalPoller>>()));
}
