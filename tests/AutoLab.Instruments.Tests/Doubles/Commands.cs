using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;

namespace AutoLab.Instruments.Tests.Doubles;

/// <summary>Builds commands for tests.</summary>
public static class Commands
{
    public static readonly Guid Campaign = Guid.Parse("11111111-1111-1111-1111-111111111111");

    public static MeasureSample Measure(
        string instrument,
        string key,
        IReadOnlyDictionary<string, double>? values = null,
        string dataDirectory = "",
        IReadOnlyDictionary<string, string>? options = null,
        int attempt = 1) => new()
        {
            CampaignId = Campaign,
            ExperimentId = Guid.NewGuid(),
            IdempotencyKey = key,
            Timestamp = DateTimeOffset.UnixEpoch,
            Instrument = instrument,
            Attempt = attempt,
            Parameters = new ParameterPoint { Values = values ?? new Dictionary<string, double>() },
            Options = options ?? new Dictionary<string, string>(),
            DataDirectory = dataDirectory,
        };

    public static PrepareSample Prepare(string instrument, string key, IReadOnlyDictionary<string, double>? values = null) => new()
    {
        CampaignId = Campaign,
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = key,
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = instrument,
        Parameters = new ParameterPoint { Values = values ?? new Dictionary<string, double>() },
    };
}
