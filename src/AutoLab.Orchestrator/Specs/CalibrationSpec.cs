namespace AutoLab.Orchestrator.Specs;

/// <summary>A calibration measurement the schedule repeats while the campaign runs.</summary>
public sealed record CalibrationSpec
{
    /// <summary>Period between calibrations.</summary>
    public TimeSpan Every { get; init; }

    /// <summary>Instrument that measures the calibration (it must serve the measure step).</summary>
    public string Instrument { get; init; } = "";

    /// <summary>Instrument options for the calibration measurement, as text.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
