namespace AutoLab.Instruments.Hosting;

/// <summary>Which experiment steps an instrument serves.</summary>
[Flags]
public enum InstrumentCapabilities
{
    /// <summary>Serves no step (not a valid registration).</summary>
    None = 0,

    /// <summary>Serves <see cref="AutoLab.Contracts.Instruments.PrepareSample"/>: makes a sample or applies settings.</summary>
    Prepare = 1,

    /// <summary>Serves <see cref="AutoLab.Contracts.Instruments.MeasureSample"/>: measures a sample.</summary>
    Measure = 2,
}
