using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>One measure step on a diffractometer, as the instrument host drives it: configure, check, stage, set, trigger, read, unstage.</summary>
internal static class DiffractometerScan
{
    /// <summary>Measures <paramref name="point"/> and returns the reading; the point must pass the device's check.</summary>
    /// <param name="device">The diffractometer.</param>
    /// <param name="options">Its instrument options.</param>
    /// <param name="point">The knobs.</param>
    /// <param name="key">The step's idempotency key.</param>
    /// <param name="campaign">The campaign (scan sums are kept per campaign).</param>
    /// <param name="dataDirectory">The experiment's data folder, or null for the temporary folder.</param>
    /// <returns>The reading.</returns>
    public static async Task<DeviceReading> MeasureAsync(
        DiffractometerInstrument device, IReadOnlyDictionary<string, string> options, ParameterPoint point, string key, Guid? campaign = null, string? dataDirectory = null)
    {
        await device.ConfigureAsync(options, CancellationToken.None);
        CheckResult check = await device.CheckAsync(point, CancellationToken.None);
        Assert.True(check.IsAllowed, check.Reason);
        await device.StageAsync(
            new StageContext
            {
                Instrument = "diffractometer",
                Step = ExperimentStep.Measure,
                CampaignId = campaign ?? Guid.Empty,
                ExperimentId = Guid.Empty,
                IdempotencyKey = key,
                DataDirectory = dataDirectory ?? Path.GetTempPath(),
            },
            CancellationToken.None);
        await device.SetAsync(point, CancellationToken.None);
        await device.TriggerAsync(CancellationToken.None);
        DeviceReading reading = await device.ReadAsync(CancellationToken.None);
        await device.UnstageAsync(CancellationToken.None);
        return reading;
    }
}
