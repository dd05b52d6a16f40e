using System.Text.Json.Serialization;
using AutoLab.Analysis.Consumers;
using AutoLab.Analysis.Pipeline;
using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Analysis.Tests.Consumers;

/// <summary>
/// The analysis consumer on a real (in-memory) bus: it publishes <see cref="AnalysisCompleted"/> with the
/// idempotency key echoed, or a <see cref="StepFaulted"/> for the analyze step whose kind tells the
/// experiment saga whether retrying can help. It never lets an error escape to the bus.
/// </summary>
public static class AnalyzeMeasurementConsumer_Specs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static AnalyzeMeasurement Command(Dictionary<string, double> readings, params AnalysisStage[] pipeline) => new()
    {
        CampaignId = Guid.NewGuid(),
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = "campaign-7/experiment-3/analyze",
        Timestamp = Now,
        Attempt = 2,
        Parameters = new ParameterPoint { Values = new Dictionary<string, double> { ["x1"] = 1, ["x2"] = 2 } },
        Readings = readings,
        Pipeline = pipeline,
        Objectives = ["y"],
    };

    private static async Task<(ServiceProvider Provider, ITestHarness Harness)> StartBus()
    {
        ServiceProvider provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSingleton<IAnalysisModel, BrokenModel>()
            .AddMassTransitTestHarness(x =>
            {
                x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(2));
                x.AddAutoLabAnalysisConsumers();

                // System.Text.Json refuses NaN and infinities unless told otherwise; an instrument reporting a
                // NaN reading needs the bus configured like this, or the measurement never reaches analysis.
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(options =>
                    {
                        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
                        return options;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        ITestHarness harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return (provider, harness);
    }

    private static async Task<StepFaulted> FaultFor(AnalyzeMeasurement command)
    {
        (ServiceProvider provider, ITestHarness harness) = await StartBus();
        await using ServiceProvider _ = provider;

        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<StepFaulted>(), "a fault should be published");
        Assert.False(await harness.Published.Any<AnalysisCompleted>(), "a faulted analysis must not also complete");
        Assert.False(await harness.Published.Any<Fault<AnalyzeMeasurement>>(), "errors must not escape to the bus");
        return harness.Published.Select<StepFaulted>().Single().Context.Message;
    }

    /// <summary>A clock stopped at one instant, so timestamps can be asserted.</summary>
    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A model that fails the way a corrupt data file would.</summary>
    public sealed class BrokenModel : IAnalysisModel
    {
        public string Name => "broken";

        public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options) =>
            throw new IOException("detector file is truncated");
    }

    public sealed class When_a_measurement_is_analysed : IAsyncLifetime
    {
        private readonly AnalyzeMeasurement command = Command(
            new() { ["branin_value"] = 0.397887, ["branin_value_sd"] = 0.01 },
            new AnalysisStage { Model = "readings", Options = new Dictionary<string, string> { ["map"] = "y=branin_value" } });

        private ServiceProvider? provider;
        private AnalysisCompleted? completed;

        public async Task InitializeAsync()
        {
            (provider, ITestHarness harness) = await StartBus();
            await harness.Bus.Publish(command);
            Assert.True(await harness.Published.Any<AnalysisCompleted>(), "the analysis should complete");
            completed = harness.Published.Select<AnalysisCompleted>().Single().Context.Message;
        }

        public async Task DisposeAsync() => await provider!.DisposeAsync();

        [Fact]
        public void Should_echo_the_idempotency_key_and_ids()
        {
            Assert.Equal(command.IdempotencyKey, completed!.IdempotencyKey);
            Assert.Equal(command.CampaignId, completed.CampaignId);
            Assert.Equal(command.ExperimentId, completed.ExperimentId);
            Assert.Equal(Now, completed.Timestamp);
        }

        [Fact]
        public void Should_carry_the_objective_and_its_uncertainty()
        {
            Assert.Equal(0.397887, completed!.Objectives["y"]);
            Assert.Equal(0.01, completed.Uncertainties["y"]);
        }
    }

    public sealed class When_the_measurement_is_bad
    {
        [Fact]
        public async Task Should_fault_a_NaN_reading_as_bad_output_that_is_not_retried()
        {
            StepFaulted fault = await FaultFor(Command(new() { ["y"] = double.NaN }));

            Assert.Equal(StepFaultKind.BadOutput, fault.Kind);
            Assert.False(fault.Retryable, "the same NaN would come back on every retry");
            Assert.Equal(ExperimentStep.Analyze, fault.Step);
            Assert.Equal("stage 1 ('readings'): reading 'y' (for objective 'y') is NaN, not a finite number", fault.Reason);
        }

        [Fact]
        public async Task Should_fault_a_missing_objective_naming_it()
        {
            AnalyzeMeasurement command = Command(new() { ["loss"] = 1 });

            StepFaulted fault = await FaultFor(command);

            Assert.Equal(StepFaultKind.BadOutput, fault.Kind);
            Assert.Equal("the pipeline produced no objective 'y'; objectives produced: (none); readings: loss", fault.Reason);
            Assert.Equal(command.IdempotencyKey, fault.IdempotencyKey);
            Assert.Equal(command.ExperimentId, fault.ExperimentId);
            Assert.Equal(2, fault.Attempt);
            Assert.Equal(AnalysisEndpoints.QueueName, fault.Instrument);
        }
    }

    public sealed class When_a_model_fails_unexpectedly
    {
        [Fact]
        public async Task Should_fault_as_a_retryable_device_error()
        {
            StepFaulted fault = await FaultFor(Command(new() { ["y"] = 1 }, new AnalysisStage { Model = "broken" }));

            Assert.Equal(StepFaultKind.DeviceError, fault.Kind);
            Assert.True(fault.Retryable, "an unexpected failure may be transient");
            Assert.Equal("analysis failed unexpectedly: stage 1 ('broken') failed: detector file is truncated", fault.Reason);
        }
    }
}
