using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.TestFunctions;

namespace AutoLab.Simulators.Tests.TestFunctions;

/// <summary>Drives a <see cref="TestFunctionInstrument"/> through the host's plan, as a command would.</summary>
public static class Simulation
{
    public static ParameterPoint Point(params double[] x) =>
        new() { Values = x.Select((v, i) => (Name: $"x{i + 1}", Value: v)).ToDictionary(p => p.Name, p => p.Value) };

    public static Dictionary<string, string> Options(params (string Key, string Value)[] options) =>
        options.ToDictionary(o => o.Key, o => o.Value);

    public static async Task<DeviceReading> MeasureAsync(
        TestFunctionInstrument device,
        ParameterPoint point,
        IReadOnlyDictionary<string, string> options,
        string key = "exp/measure",
        int attempt = 1,
        CancellationToken cancellationToken = default)
    {
        await device.ConfigureAsync(options, cancellationToken);
        var check = await device.CheckAsync(point, cancellationToken);
        if (!check.IsAllowed)
        {
            throw new DeviceRefusedException(check.Reason);
        }

        await device.StageAsync(
            new StageContext
            {
                Instrument = "test-functions",
                Step = ExperimentStep.Measure,
                CampaignId = Guid.Empty,
                ExperimentId = Guid.Empty,
                IdempotencyKey = key,
                Attempt = attempt,
                DataDirectory = Path.GetTempPath(),
            },
            cancellationToken);
        try
        {
            await device.SetAsync(point, cancellationToken);
            await device.TriggerAsync(cancellationToken);
            return await device.ReadAsync(cancellationToken);
        }
        finally
        {
            await device.UnstageAsync(CancellationToken.None);
        }
    }
}
