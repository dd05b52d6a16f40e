using AutoLab.Contracts.Orchestration;
using MassTransit;
using MassTransit.Testing;
using Xunit.Abstractions;

namespace AutoLab.Orchestrator.Tests.StateMachines;

public sealed class Debug_Spike(ITestOutputHelper output)
{
    [Fact]
    public async Task Spike()
    {
        await using SagaBus bus = await SagaBus.ForExperimentsAsync();
        StartExperiment start = ExperimentScript.Start();
        await bus.Harness.Bus.Publish(start);
        bool any = await bus.Harness.Consumed.Any<StartExperiment>();
        output.WriteLine($"consumed any: {any}");
        foreach (var m in bus.Harness.Consumed.Select(_ => true, new CancellationToken(true))) output.WriteLine($"consumed {m.MessageType} {m.Exception}");
        foreach (var m in bus.Harness.Published.Select(_ => true, new CancellationToken(true))) output.WriteLine($"published {m.MessageType} {m.Exception}");
        foreach (var m in bus.Harness.Sent.Select(_ => true, new CancellationToken(true))) output.WriteLine($"sent {m.MessageType} {m.Exception}");
        var saga = bus.Harness.GetSagaStateMachineHarness<AutoLab.Orchestrator.StateMachines.ExperimentCycleStateMachine, AutoLab.Orchestrator.StateMachines.ExperimentCycle>();
        output.WriteLine($"saga consumed {await saga.Consumed.Any<StartExperiment>()}");
        foreach (var m in saga.Consumed.Select(_ => true, new CancellationToken(true))) output.WriteLine($"saga consumed {m.MessageType} {m.Exception}");
    }
}
