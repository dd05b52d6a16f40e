using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Adapters.Process;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoLab.Instruments.Tests.Adapters.Process;

/// <summary>Hosted, a process instrument's failures become the right step fault kinds.</summary>
public sealed class ProcessInstrumentHostingTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("echo '{\"readings\": {\"y\": 4.25}}'", null)]
    [InlineData("echo 'oops'", StepFaultKind.BadOutput)]
    [InlineData("echo '{\"readings\": {\"y\": NaN}}'", StepFaultKind.BadOutput)]
    [InlineData("echo 'detector offline' >&2; exit 1", StepFaultKind.DeviceError)]
    [InlineData("sleep 30", StepFaultKind.Timeout, 500)]
    public async Task Script_outcomes_map_to_step_faults(string script, StepFaultKind? expected, int timeoutMilliseconds = 20_000)
    {
        var options = new ProcessInstrumentOptions { Executable = "/bin/sh", Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds) };
        options.Arguments.Add("-c");
        options.Arguments.Add(script);
        var registry = new InstrumentRegistry().AddProcessInstrument("script", options);
        await using var host = new InstrumentHost(registry, new ServiceCollection().BuildServiceProvider(), TimeProvider.System, NullLogger<InstrumentHost>.Instance);

        var outcome = await host.MeasureAsync(Commands.Measure("script", "k1", dataDirectory: _data.Path), CancellationToken.None);

        Assert.Equal(expected, outcome.Fault?.Kind);
        if (expected is null)
        {
            Assert.Equal(4.25, outcome.Result!.Readings["y"]);
        }
        else
        {
            Assert.StartsWith("instrument 'script'", outcome.Fault!.Reason, StringComparison.Ordinal);
        }
    }
}
