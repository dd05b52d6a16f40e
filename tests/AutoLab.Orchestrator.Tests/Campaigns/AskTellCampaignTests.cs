using AutoLab.ActiveLearning.Genetic.Strategies;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.Orchestrator.Tests.Campaigns;

/// <summary>The ask-tell driver hands a strategy the requests a campaign saga would: in batches, numbered in order, with the history so far.</summary>
public sealed class AskTellCampaignTests
{
    static readonly ParameterDefinition[] Space =
    [
        new() { Name = "x", Kind = ParameterKind.Continuous, Lower = 0, Upper = 1 },
        new() { Name = "y", Kind = ParameterKind.Continuous, Lower = 0, Upper = 1 },
    ];

    static readonly ObjectiveDefinition[] Objectives =
    [
        new() { Name = "f1", Direction = ObjectiveDirection.Minimize },
        new() { Name = "f2", Direction = ObjectiveDirection.Minimize },
    ];

    [Fact]
    public void A_campaign_runs_its_budget_in_batches_numbered_in_order()
    {
        var recorder = new RecordingStrategy(new Nsga2Strategy());

        IReadOnlyList<Observation> observations = AskTellCampaign.Run(
            recorder, new Dictionary<string, string> { ["population"] = "4" }, Space, Objectives, budget: 10, batchSize: 4, seed: 3, Measure);

        Assert.Equal(Enumerable.Range(1, 10), observations.Select(o => o.Sequence));
        Assert.Equal([4, 4, 2], recorder.Requests.Select(r => r.Count));
        Assert.Equal([0, 4, 8], recorder.Requests.Select(r => r.History.Count));
        Assert.Equal([0, 4, 8], recorder.Requests.Select(r => r.SuggestedSoFar));
        Assert.All(observations, o => Assert.Equal(o.Parameters.Values["x"], o.Objectives["f1"]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_campaign()
    {
        var options = new Dictionary<string, string> { ["population"] = "4" };

        IReadOnlyList<Observation> first = AskTellCampaign.Run(new MlMogaStrategy(), options, Space, Objectives, 12, 4, 5, Measure);
        IReadOnlyList<Observation> second = AskTellCampaign.Run(new MlMogaStrategy(), options, Space, Objectives, 12, 4, 5, Measure);

        Assert.Equal(first.Select(o => o.Parameters.Values["y"]), second.Select(o => o.Parameters.Values["y"]));
    }

    static IReadOnlyDictionary<string, double> Measure(ParameterPoint p) =>
        new Dictionary<string, double> { ["f1"] = p.Values["x"], ["f2"] = 1.0 - Math.Sqrt(p.Values["x"]) + p.Values["y"] };

    sealed class RecordingStrategy(ISuggestionStrategy inner) : ISuggestionStrategy
    {
        public List<SuggestionRequest> Requests { get; } = [];

        public string Name => inner.Name;

        public bool NeedsHistory => inner.NeedsHistory;

        public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
        {
            Requests.Add(request);
            return inner.Suggest(request);
        }
    }
}
