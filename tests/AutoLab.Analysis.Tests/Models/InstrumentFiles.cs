using System.Reflection;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>Writes arrays with the instrument host's own <c>ArrayFileWriter</c>, so the stages are tested on the real file format.</summary>
/// <remarks>The writer is internal to AutoLab.Instruments and this project has no InternalsVisibleTo there, so it is called by reflection.</remarks>
public static class InstrumentFiles
{
    private static readonly MethodInfo Write =
        typeof(DeviceArray).Assembly.GetType("AutoLab.Instruments.Hosting.ArrayFileWriter", throwOnError: true)!
            .GetMethod("WriteAsync", BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>Writes <c>{step}-{key}.csv</c> into <paramref name="directory"/> as the host does after a measurement.</summary>
    public static DataReference WriteArray(string directory, string step, string key, IReadOnlyList<double> axis, IReadOnlyList<double> values, string axisName)
    {
        DeviceArray array = new() { Values = [.. values], Axis = [.. axis], AxisName = axisName };
        Task<DataReference> task = (Task<DataReference>)Write.Invoke(null, [directory, step, key, array, CancellationToken.None])!;
        return task.GetAwaiter().GetResult();
    }
}
