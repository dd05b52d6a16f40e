using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Instruments.Hosting;

/// <summary>The fields the host needs from a prepare or measure command, in one shape.</summary>
internal sealed record StepCommand(
    ExperimentStep Step,
    string Instrument,
    Guid CampaignId,
    Guid ExperimentId,
    string IdempotencyKey,
    int Attempt,
    ParameterPoint Parameters,
    IReadOnlyDictionary<string, string> Options,
    string DataDirectory,
    string SampleId)
{
    public static StepCommand From(PrepareSample command) => new(
        ExperimentStep.Prepare,
        command.Instrument,
        command.CampaignId,
        command.ExperimentId,
        command.IdempotencyKey,
        command.Attempt,
        command.Parameters,
        command.Options,
        command.DataDirectory,
        "");

    public static StepCommand From(MeasureSample command) => new(
        ExperimentStep.Measure,
        command.Instrument,
        command.CampaignId,
        command.ExperimentId,
        command.IdempotencyKey,
        command.Attempt,
        command.Parameters,
        command.Options,
        command.DataDirectory,
        command.SampleId);

    /// <summary>Lower-case step name for messages and file names ("prepare", "measure").</summary>
    public string StepName => Step.ToString().ToLowerInvariant();

    /// <summary>The command's data folder as an absolute path; a temporary folder per experiment when the command names none.</summary>
    public string ResolveDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Path.GetTempPath(), "autolab", CampaignId.ToString("N"), ExperimentId.ToString("N"))
            : Path.GetFullPath(DataDirectory);
}
