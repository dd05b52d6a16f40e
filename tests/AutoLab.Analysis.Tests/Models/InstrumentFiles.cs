using AutoLab.Contracts;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Hosting;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>Writes arrays with the instrument host's own <see cref="ArrayFileWriter"/>, so the stages are tested on the real file format.</summary>
public static class InstrumentFiles
{
    /// <summary>Writes <c>{step}-{key}.csv</c> into <paramref name="directory"/> as the host does after a measurement.</summary>
    public static DataReference WriteArray(string directory, string step, string key, IReadOnlyList<double> axis, IReadOnlyList<double> values, string axisName)
    {
        DeviceArray array = new() { Values = [.. values], Axis = [.. axis], AxisName = axisName };
        return ArrayFileWriter.WriteAsync(directory, step, key, array, CancellationToken.None).GetAwaiter().GetResult();
    }
}
