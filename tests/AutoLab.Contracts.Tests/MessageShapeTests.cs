using System.Reflection;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Contracts.Tests;

/// <summary>
/// The contracts are wire format: every message carries its campaign, a timestamp and (commands and
/// step answers) an idempotency key; namespaces do not move; every property is documented.
/// </summary>
public sealed class MessageShapeTests
{
    static readonly Assembly Contracts = typeof(ParameterPoint).Assembly;

    /// <summary>Records that are data inside messages, not messages themselves.</summary>
    static readonly HashSet<Type> DataRecords =
    [
        typeof(ParameterPoint), typeof(DataReference), typeof(Observation), typeof(ParameterDefinition),
        typeof(LinearConstraint), typeof(ObjectiveDefinition), typeof(StepPlan), typeof(EnvelopeLimit),
        typeof(StrategyPlan), typeof(FaultPolicy), typeof(TerminationPlan), typeof(CampaignPlan),
        typeof(CompletedMeasurement), typeof(Analysis.AnalysisStage),
    ];

    /// <summary>Events answering a single step command echo the command's key instead of minting one.</summary>
    static readonly HashSet<string> WithoutIdempotencyKey =
    [
        nameof(CampaignStarted), nameof(CampaignPaused), nameof(CampaignEnded), nameof(SuggestionsAwaitingApproval),
        nameof(ExperimentCompleted), nameof(ExperimentFaulted), nameof(StepTimedOut), nameof(RetryStep),
        nameof(ActiveLearning.ExperimentsSuggested), nameof(ActiveLearning.SuggestionFailed),
    ];

    public static TheoryData<Type> Messages()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in Contracts.GetExportedTypes().Where(t => t.IsClass && !DataRecords.Contains(t)))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_carries_its_campaign_and_a_timestamp(Type message)
    {
        Assert.Equal(typeof(Guid), message.GetProperty("CampaignId")?.PropertyType);
        Assert.Equal(typeof(DateTimeOffset), message.GetProperty("Timestamp")?.PropertyType);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Commands_and_step_answers_carry_an_idempotency_key(Type message)
    {
        if (WithoutIdempotencyKey.Contains(message.Name))
        {
            return;
        }

        Assert.True(message.GetProperty("IdempotencyKey")?.PropertyType == typeof(string),
            $"{message.Name} must carry an IdempotencyKey so a re-delivery is not acted on twice");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Messages_about_an_experiment_name_it(Type message)
    {
        bool perExperiment = message.Namespace is "AutoLab.Contracts.Instruments" or "AutoLab.Contracts.Analysis"
                             || message.Name.Contains("Experiment", StringComparison.Ordinal) && message.Name != "ExperimentsSuggested" && message.Name != "SuggestExperiments"
                             || message.Name.Contains("Step", StringComparison.Ordinal);
        if (perExperiment)
        {
            Assert.Equal(typeof(Guid), message.GetProperty("ExperimentId")?.PropertyType);
        }
    }

    [Fact]
    public void Contracts_are_records_in_the_four_wire_namespaces()
    {
        string[] allowed = ["AutoLab.Contracts", "AutoLab.Contracts.Orchestration", "AutoLab.Contracts.Instruments", "AutoLab.Contracts.Analysis", "AutoLab.Contracts.ActiveLearning"];
        foreach (Type type in Contracts.GetExportedTypes())
        {
            Assert.Contains(type.Namespace, allowed);
            if (type.IsClass)
            {
                Assert.True(type.GetMethod("<Clone>$") is not null, $"{type.Name} must be a record");
                Assert.True(type.IsSealed, $"{type.Name} must be sealed: contracts have no base classes");
            }
        }
    }

    [Fact]
    public void The_step_messages_keep_their_wire_names()
    {
        // MassTransit routes on the full type name: moving one of these breaks every foreign adapter.
        Assert.Equal("AutoLab.Contracts.Instruments.MeasureSample", typeof(Instruments.MeasureSample).FullName);
        Assert.Equal("AutoLab.Contracts.Instruments.MeasurementCompleted", typeof(Instruments.MeasurementCompleted).FullName);
        Assert.Equal("AutoLab.Contracts.Instruments.PrepareSample", typeof(Instruments.PrepareSample).FullName);
        Assert.Equal("AutoLab.Contracts.Instruments.SamplePrepared", typeof(Instruments.SamplePrepared).FullName);
        Assert.Equal("AutoLab.Contracts.Orchestration.StepFaulted", typeof(StepFaulted).FullName);
        Assert.Equal("AutoLab.Contracts.Analysis.AnalyzeMeasurement", typeof(Analysis.AnalyzeMeasurement).FullName);
        Assert.Equal("AutoLab.Contracts.Analysis.AnalysisCompleted", typeof(Analysis.AnalysisCompleted).FullName);
    }

    [Fact]
    public void Enum_values_keep_their_wire_numbers()
    {
        // Enums travel as numbers (docs/wire-contract.md); reordering them would change their meaning.
        Assert.Equal([0, 1, 2], Enum.GetValues<ExperimentStep>().Select(v => (int)v));
        Assert.Equal(ExperimentStep.Measure, (ExperimentStep)1);
        Assert.Equal(StepFaultKind.BadOutput, (StepFaultKind)2);
        Assert.Equal(StepFaultKind.Unavailable, (StepFaultKind)4);
    }
}
