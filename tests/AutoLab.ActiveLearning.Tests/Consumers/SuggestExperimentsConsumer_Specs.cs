using AutoLab.ActiveLearning.Consumers;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Consumers;

/// <summary>
/// The suggestion consumer on a real (in-memory) bus: it answers every request with
/// <see cref="ExperimentsSuggested"/> or <see cref="SuggestionFailed"/>, echoing the ids the campaign saga
/// correlates on, and never lets a bad request escape as an exception.
/// </summary>
public static class SuggestExperimentsConsumer_Specs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static SuggestExperiments Request(string strategy = "sobol", int count = 4, IReadOnlyList<ParameterDefinition>? space = null) => new()
    {
        CampaignId = Guid.NewGuid(),
        RequestId = Guid.NewGuid(),
        IdempotencyKey = "campaign/suggest/1",
        Timestamp = Now,
        Space = space ?? [Continuous("x1", -5, 10), Continuous("x2", 0, 15)],
        Strategy = new StrategyPlan { Name = strategy },
        SuggestedSoFar = 0,
        Count = count,
        Seed = 42,
        Budget = 16,
    };

    private static async Task<(ServiceProvider Provider, ITestHarness Harness)> StartBus(Action<IBusRegistrationConfigurator>? transport = null)
    {
        ServiceProvider provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddMassTransitTestHarness(x =>
            {
                x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(2));
                x.AddAutoLabActiveLearningConsumers();
                transport?.Invoke(x);
            })
            .BuildServiceProvider(true);
        ITestHarness harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return (provider, harness);
    }

    /// <summary>A clock stopped at one instant, so timestamps can be asserted.</summary>
    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public sealed class When_a_campaign_asks_for_suggestions : IAsyncLifetime
    {
        private readonly SuggestExperiments request = Request(count: 4);
        private ServiceProvider? provider;
        private ExperimentsSuggested? answer;

        public async Task InitializeAsync()
        {
            (provider, ITestHarness harness) = await StartBus();
            await harness.Bus.Publish(request);
            Assert.True(await harness.Published.Any<ExperimentsSuggested>(), "an answer should be published");
            answer = harness.Published.Select<ExperimentsSuggested>().Single().Context.Message;
            Assert.False(await harness.Published.Any<SuggestionFailed>(), "a good request must not fail");
        }

        public async Task DisposeAsync() => await provider!.DisposeAsync();

        [Fact]
        public void Should_echo_the_campaign_and_request_ids()
        {
            Assert.Equal(request.CampaignId, answer!.CampaignId);
            Assert.Equal(request.RequestId, answer.RequestId);
        }

        [Fact]
        public void Should_suggest_the_requested_number_of_points_in_the_space()
        {
            Assert.Equal(4, answer!.Suggestions.Count);
            Assert.All(answer.Suggestions, p => Assert.InRange(p.Values["x1"], -5, 10));
            Assert.All(answer.Suggestions, p => Assert.InRange(p.Values["x2"], 0, 15));
        }

        [Fact]
        public void Should_name_the_strategy_and_stamp_the_time_from_the_clock()
        {
            Assert.Equal("sobol", answer!.Strategy);
            Assert.Equal(Now, answer.Timestamp);
        }
    }

    public sealed class When_the_request_cannot_be_answered
    {
        public static TheoryData<SuggestExperiments, string> BadRequests => new()
        {
            { Request(strategy: "bayes"), "unknown strategy 'bayes'; known strategies: adaptive-scan, bo, ehvi, ga, kriging, lhs, mlmoga, nsga2, parego, phase-map, random, sobol, turbo" },
            { Request(space: [Continuous("x", 1, 0)]), "invalid search space: parameter 'x': lower bound 1 must be below upper bound 0" },
            { Request(count: -1), "Count must be from 0 to 100000; got -1" },
            {
                Request() with
                {
                    Constraints = [new LinearConstraint { Coefficients = new Dictionary<string, double> { ["x1"] = 1 }, UpperBound = -6, Label = "x1 below -6" }],
                },
                "constraints look infeasible: 10000 draws, none satisfied 'x1 below -6'"
            },
            {
                Request() with { Strategy = new StrategyPlan { Name = "lhs", Options = new Dictionary<string, string> { ["iterations"] = "many" } } },
                "option 'iterations' must be a whole number from 1 to 10000; got 'many'"
            },
        };

        [Theory]
        [MemberData(nameof(BadRequests))]
        public async Task Should_publish_SuggestionFailed_with_the_reason(SuggestExperiments request, string reason)
        {
            (ServiceProvider provider, ITestHarness harness) = await StartBus();
            await using ServiceProvider _ = provider;

            await harness.Bus.Publish(request);

            Assert.True(await harness.Published.Any<SuggestionFailed>(), "a failure should be published");
            SuggestionFailed failure = harness.Published.Select<SuggestionFailed>().Single().Context.Message;
            Assert.Equal(reason, failure.Reason);
            Assert.Equal(request.CampaignId, failure.CampaignId);
            Assert.Equal(request.RequestId, failure.RequestId);
            Assert.False(await harness.Published.Any<ExperimentsSuggested>(), "a failed request must not also be answered");
            Assert.False(await harness.Published.Any<Fault<SuggestExperiments>>(), "bad requests must not fault the consumer");
        }
    }

    public sealed class When_the_endpoint_is_configured_by_hand
    {
        [Fact]
        public async Task Should_consume_from_the_active_learning_queue_exactly_once()
        {
            (ServiceProvider provider, ITestHarness harness) = await StartBus(x => x.UsingInMemory((context, cfg) =>
            {
                cfg.ConfigureAutoLabActiveLearningEndpoint(context);
                cfg.ConfigureEndpoints(context);
            }));
            await using ServiceProvider _ = provider;

            ISendEndpoint queue = await harness.Bus.GetSendEndpoint(new Uri($"queue:{ActiveLearningEndpoints.QueueName}"));
            await queue.Send(Request());

            Assert.True(await harness.Published.Any<ExperimentsSuggested>(), "the queue should be served");
            await harness.InactivityTask;
            Assert.Single(harness.Published.Select<ExperimentsSuggested>());
            Assert.Single(harness.Consumed.Select<SuggestExperiments>());
        }
    }
}
