using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Tests.Doubles;

/// <summary>A device implementing every interface, recording each call in a shared <see cref="DeviceLog"/>.</summary>
public sealed class RecordingDevice
    : IConfigurable, ICheckable<ParameterPoint>, IStageable, IMovable<ParameterPoint>, ITriggerable, IReadable, IStoppable, IDisposable
{
    private readonly DeviceLog _log;
    private readonly DeviceBehaviour _behaviour;

    public RecordingDevice(DeviceLog log, DeviceBehaviour? behaviour = null)
    {
        _log = log;
        _behaviour = behaviour ?? new DeviceBehaviour();
        log.InstanceCreated();
    }

    public StageContext? LastStage { get; private set; }

    public IReadOnlyDictionary<string, string>? LastOptions { get; private set; }

    public Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        LastOptions = options;
        return Step("configure");
    }

    public Task<CheckResult> CheckAsync(ParameterPoint value, CancellationToken cancellationToken)
    {
        _log.Record("check");
        return Task.FromResult(_behaviour.RefuseCheckWith is { } reason ? CheckResult.Refused(reason) : CheckResult.Allowed);
    }

    public Task StageAsync(StageContext context, CancellationToken cancellationToken)
    {
        LastStage = context;
        return Step("stage");
    }

    public Task UnstageAsync(CancellationToken cancellationToken) => Step("unstage");

    public Task SetAsync(ParameterPoint value, CancellationToken cancellationToken) => Step("set");

    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        _log.EnterTrigger();
        try
        {
            if (_behaviour.TriggerGate is { } gate)
            {
                await gate.WaitAsync(cancellationToken);
            }

            await Step("trigger-done");
            if (_behaviour.ThrowIn == "trigger")
            {
                throw _behaviour.ExceptionToThrow;
            }
        }
        finally
        {
            _log.LeaveTrigger();
        }
    }

    public async Task<DeviceReading> ReadAsync(CancellationToken cancellationToken)
    {
        await Step("read");
        return _behaviour.Reading;
    }

    public Task<IReadOnlyDictionary<string, DataKeyDescription>> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DataKeyDescription>>(
            _behaviour.Reading.Values.Keys.ToDictionary(k => k, _ => new DataKeyDescription { Dtype = "number" }));

    public Task StopAsync(CancellationToken cancellationToken) => Step("stop");

    public void Dispose() => _log.Record("dispose");

    private Task Step(string phase)
    {
        if (phase != "trigger-done")
        {
            _log.Record(phase);
        }

        if (_behaviour.ThrowIn == phase)
        {
            throw _behaviour.ExceptionToThrow;
        }

        return Task.CompletedTask;
    }
}
