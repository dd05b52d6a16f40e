using AutoLab.Instruments.Devices;
using AutoLab.Simulators.TestFunctions;
using static AutoLab.Simulators.Tests.TestFunctions.Simulation;

namespace AutoLab.Simulators.Tests.TestFunctions;

/// <summary>The simulator measures the chosen function at the point, refuses points outside its domain and is instant and exact by default.</summary>
public sealed class TestFunctionInstrumentTests
{
    private const double Exact = 1e-12;

    [Fact]
    public async Task It_measures_the_function_named_in_the_options()
    {
        var device = new TestFunctionInstrument();

        var reading = await MeasureAsync(device, Point(Math.PI, 2.275), Options(("function", "branin")));

        Assert.Equal(new Branin().Optimum.Value, reading.Values["y"], Exact);
        Assert.Single(reading.Values);
    }

    [Fact]
    public async Task A_d_dimensional_function_takes_its_dimension_from_the_point()
    {
        var device = new TestFunctionInstrument();

        var reading = await MeasureAsync(device, Point(1, 2, 3, 4), Options(("function", "sphere")));

        Assert.Equal(30, reading.Values["y"], Exact);
    }

    [Fact]
    public async Task Configured_parameter_names_are_read_in_order()
    {
        var device = new TestFunctionInstrument();
        var point = new AutoLab.Contracts.ParameterPoint { Values = new Dictionary<string, double> { ["k2"] = 1, ["k1"] = 0, ["other"] = 99 } };

        var reading = await MeasureAsync(device, point, Options(("function", "rosenbrock"), ("parameters", "k1, k2")));

        Assert.Equal(new Rosenbrock(2).Evaluate([0.0, 1.0])[0], reading.Values["y"], Exact);
    }

    [Fact]
    public async Task Zdt1_reports_both_objectives()
    {
        var device = new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "zdt1", Dimension = 3 });

        var reading = await MeasureAsync(device, Point(0.25, 0, 0), Options());

        Assert.Equal(0.25, reading.Values["f1"], Exact);
        Assert.Equal(0.5, reading.Values["f2"], Exact);
    }

    [Fact]
    public async Task A_point_outside_the_domain_is_refused_by_the_check()
    {
        var device = new TestFunctionInstrument();
        await device.ConfigureAsync(Options(("function", "branin")), CancellationToken.None);

        var check = await device.CheckAsync(Point(12, 3), CancellationToken.None);

        Assert.False(check.IsAllowed);
        Assert.Equal("parameter 'x1' = 12 is outside the domain of branin: [-5, 10]", check.Reason);
    }

    [Fact]
    public async Task A_missing_input_is_refused_by_the_check()
    {
        var device = new TestFunctionInstrument();
        await device.ConfigureAsync(Options(("function", "hartmann6")), CancellationToken.None);

        var check = await device.CheckAsync(Point(0.1, 0.2, 0.3), CancellationToken.None);

        Assert.Equal("parameter 'x4' is missing; hartmann6 reads x1, x2, x3, x4, x5, x6", check.Reason);
    }

    [Fact]
    public async Task Setting_a_point_outside_the_domain_is_refused_even_without_a_check()
    {
        var device = new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "sphere" });

        var error = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.SetAsync(Point(6, 0), CancellationToken.None));

        Assert.Equal("parameter 'x1' = 6 is outside the domain of sphere: [-5.12, 5.12]", error.Message);
    }

    [Fact]
    public async Task An_unknown_function_is_refused_with_the_known_ones()
    {
        var device = new TestFunctionInstrument();

        var error = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(Options(("function", "rastrigin")), CancellationToken.None));

        Assert.Equal("option 'function' = 'rastrigin' is not a known test function; known: ackley, branin, hartmann6, levy, rosenbrock, sphere, zdt1", error.Message);
    }

    [Fact]
    public async Task No_function_at_all_is_refused_by_the_check()
    {
        var device = new TestFunctionInstrument();
        await device.ConfigureAsync(Options(), CancellationToken.None);

        var check = await device.CheckAsync(Point(1, 2), CancellationToken.None);

        Assert.StartsWith("no test function chosen: set option 'function' to one of ackley, branin", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noise_sd", "-1", "option 'noise_sd' = '-1' is outside [0, ")]
    [InlineData("fault_rate", "1.5", "option 'fault_rate' = '1.5' is outside [0, 1]")]
    [InlineData("dimension", "two", "option 'dimension' = 'two' is not an integer")]
    [InlineData("fault_modes", "explode", "option 'fault_modes' has unknown mode 'explode'; known: refusal, timeout, garbage")]
    public async Task Malformed_options_are_refused_naming_the_option(string key, string value, string expected)
    {
        var device = new TestFunctionInstrument();

        var error = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(Options(("function", "sphere"), (key, value)), CancellationToken.None));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_apply_to_one_command_only()
    {
        var device = new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "sphere" });
        await MeasureAsync(device, Point(1, 1), Options(("function", "branin"), ("noise_sd", "5")));

        var reading = await MeasureAsync(device, Point(1, 1), Options());

        Assert.Equal(2, reading.Values["y"], Exact);
    }

    [Fact]
    public async Task The_description_has_the_same_keys_as_the_reading()
    {
        var device = new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "zdt1", Dimension = 2 });

        var reading = await MeasureAsync(device, Point(0.5, 0.5), Options());
        var description = await device.DescribeAsync(CancellationToken.None);

        Assert.Equal(reading.Values.Keys.Order(), description.Keys.Order());
        Assert.All(description.Values, d => Assert.Equal(("number", "sim:zdt1"), (d.Dtype, d.Source)));
    }

    [Fact]
    public void Invalid_defaults_are_rejected_when_the_instrument_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "nope", FaultRate = 2 }));

        Assert.Contains("Function 'nope' is unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("FaultRate must be a probability in [0, 1], not 2", error.Message, StringComparison.Ordinal);
    }
}
