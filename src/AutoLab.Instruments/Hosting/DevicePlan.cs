using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Hosting;

/// <summary>
/// The sequence the host runs on a device for one command: configure, check, stage, set, trigger, read,
/// unstage. Each call is made only when the device implements the interface.
/// </summary>
/// <remarks>
/// Configure comes before check so the check sees the command's options (a test function's domain
/// depends on which function is chosen). A refused check ends the plan before the device is staged,
/// set or triggered. Unstage runs whenever staging succeeded, unless the operation was cancelled.
/// </remarks>
internal sealed class DevicePlan(object device, string instrument)
{
    /// <summary>The phase running now, or the one that failed; for messages.</summary>
    public string Phase { get; private set; } = "start";

    public async Task<DeviceReading> RunAsync(StepCommand command, string dataDirectory, CancellationToken cancellationToken)
    {
        if (device is IConfigurable configurable)
        {
            Phase = "configure";
            await configurable.ConfigureAsync(command.Options, cancellationToken).WaitAsync(cancellationToken);
        }

        if (device is ICheckable<ParameterPoint> checkable)
        {
            Phase = "check";
            var check = await checkable.CheckAsync(command.Parameters, cancellationToken).WaitAsync(cancellationToken);
            if (!check.IsAllowed)
            {
                throw new DeviceRefusedException($"instrument '{instrument}' refused the point: {check.Reason}");
            }
        }

        Phase = "data directory";
        Directory.CreateDirectory(dataDirectory);

        var stageable = device as IStageable;
        if (stageable is not null)
        {
            Phase = "stage";
            await stageable.StageAsync(StageContextFor(command, dataDirectory), cancellationToken).WaitAsync(cancellationToken);
        }

        DeviceReading reading;
        try
        {
            reading = await ActAsync(command.Parameters, cancellationToken);
        }
        catch when (stageable is not null && !cancellationToken.IsCancellationRequested)
        {
            await UnstageQuietlyAsync(stageable, cancellationToken);
            throw;
        }

        if (stageable is not null)
        {
            Phase = "unstage";
            await stageable.UnstageAsync(cancellationToken).WaitAsync(cancellationToken);
        }

        return reading;
    }

    private static StageContext StageContextFor(StepCommand command, string dataDirectory) => new()
    {
        Instrument = command.Instrument,
        Step = command.Step,
        CampaignId = command.CampaignId,
        ExperimentId = command.ExperimentId,
        IdempotencyKey = command.IdempotencyKey,
        Attempt = command.Attempt,
        SampleId = command.SampleId,
        DataDirectory = dataDirectory,
    };

    private static async Task UnstageQuietlyAsync(IStageable stageable, CancellationToken cancellationToken)
    {
        try
        {
            await stageable.UnstageAsync(cancellationToken).WaitAsync(cancellationToken);
        }
        catch (Exception)
        {
            // The failure that got us here is the one worth reporting; a failed unstage after it adds nothing.
        }
    }

    private async Task<DeviceReading> ActAsync(ParameterPoint point, CancellationToken cancellationToken)
    {
        if (device is IMovable<ParameterPoint> movable)
        {
            Phase = "set";
            await movable.SetAsync(point, cancellationToken).WaitAsync(cancellationToken);
        }

        if (device is ITriggerable triggerable)
        {
            Phase = "trigger";
            await triggerable.TriggerAsync(cancellationToken).WaitAsync(cancellationToken);
        }

        if (device is IReadable readable)
        {
            Phase = "read";
            return await readable.ReadAsync(cancellationToken).WaitAsync(cancellationToken)
                ?? throw new DeviceOutputException($"instrument '{instrument}' returned no reading (null)");
        }

        return DeviceReading.Empty;
    }
}
