using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.StateMachines;

namespace AutoLab.Orchestrator.Tests.StateMachines;

/// <summary>
/// Plays the active-learning service and the experiments for a campaign saga: answers the requests it
/// sent and finishes the experiments it started, and keeps count of how many ran at once.
/// </summary>
public sealed class CampaignDriver(SagaBus bus, Guid campaignId)
{
    readonly HashSet<Guid> _finished = [];
    int _answered;
    int _nextPoint = 1;

    /// <summary>The campaign's id.</summary>
    public Guid CampaignId => campaignId;

    /// <summary>The most experiments started and not yet finished at any moment the driver looked.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>Every suggestion request the saga sent, in order.</summary>
    public IReadOnlyList<SuggestExperiments> Requests => bus.Sent<SuggestExperiments>();

    /// <summary>Every experiment the saga started, in order.</summary>
    public IReadOnlyList<StartExperiment> Starts => bus.Published<StartExperiment>();

    /// <summary>Experiments started and not finished by the driver.</summary>
    public IReadOnlyList<StartExperiment> InFlight => [.. Starts.Where(s => !_finished.Contains(s.ExperimentId))];

    /// <summary>The campaign's state now.</summary>
    public string? State =>
        bus.Harness.GetSagaStateMachineHarness<CampaignStateMachine, Campaign>().Sagas.Contains(campaignId)?.CurrentState;

    /// <summary>Starts the campaign with <paramref name="plan"/>.</summary>
    public Task StartAsync(CampaignPlan plan) => ActAsync(bus.PublishAsync(CampaignScript.Start(campaignId, plan)));

    /// <summary>Answers the oldest unanswered request with <paramref name="count"/> fresh points (default: as many as asked).</summary>
    public Task AnswerAsync(int? count = null)
    {
        IReadOnlyList<SuggestExperiments> requests = Requests;
        Assert.True(_answered < requests.Count, $"the campaign has no unanswered suggestion request (it sent {requests.Count})");
        SuggestExperiments request = requests[_answered++];
        List<ParameterPoint> points = [.. Enumerable.Range(_nextPoint, count ?? request.Count).Select(CampaignScript.Point)];
        _nextPoint += points.Count;
        return ActAsync(bus.PublishAsync(CampaignScript.Answer(request, points)));
    }

    /// <summary>Reports the experiment as completed with yield = <paramref name="yield"/> %.</summary>
    public Task CompleteAsync(StartExperiment start, double yield = 50)
    {
        _finished.Add(start.ExperimentId);
        return ActAsync(bus.PublishAsync(CampaignScript.Completed(start, yield)));
    }

    /// <summary>Reports the experiment as faulted.</summary>
    public Task FaultAsync(StartExperiment start)
    {
        _finished.Add(start.ExperimentId);
        return ActAsync(bus.PublishAsync(CampaignScript.Faulted(start)));
    }

    /// <summary>Publishes an operator's or another service's message to the campaign.</summary>
    public Task SendControlAsync<T>(T message)
        where T : class => ActAsync(bus.PublishAsync(message));

    /// <summary>
    /// Answers every request and finishes experiments oldest first until the campaign ends;
    /// <paramref name="outcome"/> gives an experiment's yield, or null to fault it.
    /// </summary>
    public async Task RunUntilEndedAsync(Func<StartExperiment, double?> outcome)
    {
        for (int step = 0; step < 1000; step++)
        {
            if (bus.Published<CampaignEnded>().Count > 0)
            {
                return;
            }

            if (_answered < Requests.Count)
            {
                await AnswerAsync();
                continue;
            }

            if (InFlight is not [StartExperiment next, ..])
            {
                throw new InvalidOperationException($"The campaign is stuck in {State}: nothing in flight, no request to answer, and no CampaignEnded.");
            }

            if (outcome(next) is { } yield)
            {
                await CompleteAsync(next, yield);
            }
            else
            {
                await FaultAsync(next);
            }
        }

        Assert.Fail("the campaign did not end within 1000 driver steps");
    }

    async Task ActAsync(Task action)
    {
        await action;
        MaxInFlight = Math.Max(MaxInFlight, InFlight.Count);
    }
}
