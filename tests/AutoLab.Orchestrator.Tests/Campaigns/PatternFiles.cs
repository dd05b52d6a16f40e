using System.Reflection;
using AutoLab.Contracts;
using AutoLab.Instruments.Devices;

namespace AutoLab.Orchestrator.Tests.Campaigns;

/// <summary>Writes a pattern with the instrument host's own <c>ArrayFileWriter</c>, so the phase-id stage reads the real file format.</summary>
/// <remarks>The writer is internal to AutoLab.Instruments and this project has no InternalsVisibleTo there, so it is called by reflection.</remarks>
public static class PatternFiles
{
    private static readonly MethodInfo Write =
        typeof(DeviceArray).Assembly.GetType("AutoLab.Instruments.Hosting.ArrayFileWriter", throwOnError: true)!
            .GetMethod("WriteAsync", BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>Writes <c>measure-pattern.csv</c> into <paramref name="directory"/> as the host does after a measurement.</summary>
    public static DataReference WritePattern(string directory, IReadOnlyList<double> twoTheta, IReadOnlyList<double> counts)
    {
        DeviceArray array = new() { Values = [.. counts], Axis = [.. twoTheta], AxisName = "two_theta" };
        Task<DataReference> task = (Task<DataReference>)Write.Invoke(null, [directory, "measure", "pattern", array, CancellationToken.None])!;
        return task.GetAwaiter().GetResult();
    }
}
