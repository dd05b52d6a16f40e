using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AutoLab.ActiveLearning.Consumers;

/// <summary>
/// Answers <see cref="SuggestExperiments"/>: runs the named strategy and publishes
/// <see cref="ExperimentsSuggested"/>, or <see cref="SuggestionFailed"/> with the reason.
/// </summary>
/// <remarks>
/// A bad request is the campaign's problem, not the bus's, so this consumer never throws for one: a thrown
/// exception would be retried and end in an error queue where the campaign saga never sees it.
/// Strategies are stateless, so any number of these may consume the queue side by side.
/// </remarks>
public sealed class SuggestExperimentsConsumer(
    StrategyRegistry strategies,
    TimeProvider clock,
    ILogger<SuggestExperimentsConsumer> logger) : IConsumer<SuggestExperiments>
{
    /// <summary>This process as "host/process-id", sent with every answer so a journal shows which worker made the suggestions.</summary>
    public static string Worker { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <inheritdoc/>
    public async Task Consume(ConsumeContext<SuggestExperiments> context)
    {
        SuggestExperiments message = context.Message;
        string strategyName = message.Strategy?.Name ?? "";
        string? failure;
        IReadOnlyList<ParameterPoint> suggestions = [];
        try
        {
            ISuggestionStrategy strategy = strategies.Get(strategyName);
            suggestions = strategy.Suggest(SuggestionRequest.FromMessage(message));
            strategyName = strategy.Name;
            failure = null;
        }
        catch (SuggestionException ex)
        {
            failure = ex.Message;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Strategy {Strategy} failed on request {RequestId} of campaign {CampaignId}", strategyName, message.RequestId, message.CampaignId);
            failure = $"strategy '{strategyName}' failed unexpectedly: {ex.GetType().Name}: {ex.Message}";
        }

        if (failure is not null)
        {
            logger.LogWarning("Suggestion request {RequestId} of campaign {CampaignId} failed: {Reason}", message.RequestId, message.CampaignId, failure);
            await context.Publish(new SuggestionFailed
            {
                CampaignId = message.CampaignId,
                RequestId = message.RequestId,
                Timestamp = clock.GetUtcNow(),
                Reason = failure,
            });
            return;
        }

        await context.Publish(new ExperimentsSuggested
        {
            CampaignId = message.CampaignId,
            RequestId = message.RequestId,
            Timestamp = clock.GetUtcNow(),
            Suggestions = suggestions,
            Strategy = strategyName,
            Worker = Worker,
        });
    }
}
