using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>The CLI's CSV has the host's array-file shape: a header, then invariant-culture round-trip rows.</summary>
public sealed class PowderPatternCsvTests
{
    [Fact]
    public void Pattern_is_written_as_two_theta_and_counts_rows()
    {
        using var writer = new StringWriter();

        PowderPatternCsv.Write(writer, new PowderPattern([10.0, 10.02], [3.0, 0.1 + 0.2], 1.0));

        Assert.Equal("two_theta,counts\n10,3\n10.02,0.30000000000000004\n", writer.ToString());
    }
}
