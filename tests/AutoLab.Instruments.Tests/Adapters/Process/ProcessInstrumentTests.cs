using System.Security.Cryptography;
using System.Text.Json;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Adapters.Process;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Tests.Doubles;

namespace AutoLab.Instruments.Tests.Adapters.Process;

/// <summary>
/// The process adapter runs real child processes (/bin/sh, /usr/bin/python3): the request goes in on stdin,
/// the reading comes out of stdout, and every way a script can misbehave gives an error naming what and where.
/// </summary>
public sealed class ProcessInstrumentTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static ProcessInstrument Shell(string script, TimeSpan? timeout = null)
    {
        var options = new ProcessInstrumentOptions { Executable = "/bin/sh", Timeout = timeout ?? TimeSpan.FromSeconds(20) };
        options.Arguments.Add("-c");
        options.Arguments.Add(script);
        return new ProcessInstrument(options);
    }

    private static ProcessInstrument PythonScript(string code)
    {
        var options = new ProcessInstrumentOptions { Executable = Python, Timeout = TimeSpan.FromSeconds(20) };
        options.Arguments.Add("-c");
        options.Arguments.Add(code);
        return new ProcessInstrument(options);
    }

    private async Task<DeviceReading> RunAsync(ProcessInstrument device, ParameterPoint? point = null)
    {
        await device.ConfigureAsync(new Dictionary<string, string> { ["mode"] = "fast" }, CancellationToken.None);
        await device.StageAsync(
            new StageContext
            {
                Instrument = "script",
                Step = ExperimentStep.Measure,
                CampaignId = Commands.Campaign,
                ExperimentId = Guid.Parse("22222222-2222-2222-2222-222222222222"),
                IdempotencyKey = "exp-1/measure",
                Attempt = 2,
                DataDirectory = _data.Path,
            },
            CancellationToken.None);
        await device.SetAsync(point ?? new ParameterPoint { Values = new Dictionary<string, double> { ["x1"] = 1.5 } }, CancellationToken.None);
        await device.TriggerAsync(CancellationToken.None);
        return await device.ReadAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_script_receives_the_request_on_stdin_and_its_stdout_becomes_the_reading()
    {
        var device = PythonScript("""
            import json, sys, os
            request = json.load(sys.stdin)
            with open(os.path.join(request["dataDirectory"], "request.json"), "w") as f:
                json.dump(request, f)
            with open(os.path.join(request["dataDirectory"], "pattern.csv"), "w") as f:
                f.write("two_theta,intensity\n20,1\n")
            print(json.dumps({
                "readings": {"y": request["parameters"]["x1"] * 2, "peak": 28.4},
                "data": [{"key": "pattern", "uri": "pattern.csv", "mediaType": "text/csv"}],
                "sampleId": "S-42"}))
            """);
        var point = new ParameterPoint
        {
            Values = new Dictionary<string, double> { ["x1"] = 1.5 },
            Choices = new Dictionary<string, string> { ["solvent"] = "water" },
        };

        var reading = await RunAsync(device, point);

        Assert.Equal(3.0, reading.Values["y"]);
        Assert.Equal(28.4, reading.Values["peak"]);
        Assert.Equal("S-42", reading.SampleId);
        var file = Assert.Single(reading.Files);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_data.Path, "pattern.csv"));
        Assert.Equal(("pattern", "text/csv", new Uri(Path.Combine(_data.Path, "pattern.csv")).AbsoluteUri), (file.Key, file.MediaType, file.Uri));
        Assert.Equal((bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), ((int)file.Length, file.Sha256));

        using var request = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_data.Path, "request.json")));
        var root = request.RootElement;
        Assert.Equal("measure", root.GetProperty("step").GetString());
        Assert.Equal("22222222-2222-2222-2222-222222222222", root.GetProperty("experimentId").GetString());
        Assert.Equal(Commands.Campaign.ToString(), root.GetProperty("campaignId").GetString());
        Assert.Equal("exp-1/measure", root.GetProperty("idempotencyKey").GetString());
        Assert.Equal(2, root.GetProperty("attempt").GetInt32());
        Assert.Equal(1.5, root.GetProperty("parameters").GetProperty("x1").GetDouble());
        Assert.Equal("water", root.GetProperty("choices").GetProperty("solvent").GetString());
        Assert.Equal("fast", root.GetProperty("options").GetProperty("mode").GetString());
        Assert.Equal(_data.Path, root.GetProperty("dataDirectory").GetString());
    }

    [Fact]
    public async Task A_script_that_runs_too_long_is_killed_with_its_children()
    {
        var pidFile = Path.Combine(_data.Path, "child.pid");
        // Two seconds leave a loaded machine time to start the child and write its pid before the kill.
        var device = Shell($"sleep 60 & echo $! > '{pidFile}'; wait", TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => RunAsync(device));

        Assert.Equal("process '/bin/sh' did not finish within 2 s; it and its child processes were killed", error.Message);
        var child = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await ExitsAsync(child), $"the script's child process {child} is still running");
    }

    [Fact]
    public async Task A_non_zero_exit_reports_the_code_and_the_tail_of_stderr()
    {
        var device = Shell("echo 'loading calibration' >&2; echo 'calibration file /etc/xrd.cal missing' >&2; exit 3");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(device));

        Assert.Equal("process '/bin/sh' exited with code 3; stderr: loading calibration\ncalibration file /etc/xrd.cal missing", error.Message);
    }

    [Fact]
    public async Task Empty_output_is_bad_output()
    {
        var error = await Assert.ThrowsAsync<DeviceOutputException>(() => RunAsync(Shell("true")));

        Assert.Equal("the process wrote nothing on stdout; expected one JSON object with \"readings\"", error.Message);
    }

    [Fact]
    public async Task Malformed_json_is_bad_output_that_says_where()
    {
        var error = await Assert.ThrowsAsync<DeviceOutputException>(() => RunAsync(Shell("printf '{\"readings\": {\"y\": 1,}}'")));

        Assert.Equal(
            "stdout is not valid JSON at line 1, position 22, near '...\"readings\": {\"y\": 1,}}': The JSON object contains a trailing comma at the end which is not supported in this mode.",
            error.Message);
    }

    [Fact]
    public async Task Output_without_readings_is_bad_output_listing_the_keys_found()
    {
        var error = await Assert.ThrowsAsync<DeviceOutputException>(() => RunAsync(Shell("echo '{\"values\": {\"y\": 1}}'")));

        Assert.Equal("stdout JSON has no \"readings\" object (its keys: \"values\")", error.Message);
    }

    [Fact]
    public async Task A_nan_reading_is_bad_output_naming_the_field()
    {
        var device = PythonScript("import json; print(json.dumps({'readings': {'y': 1.0, 'intensity': float('nan')}}))");

        var error = await Assert.ThrowsAsync<DeviceOutputException>(() => RunAsync(device));

        Assert.Equal("stdout JSON: \"intensity\" is NaN (line 1, position 38); readings must be finite numbers", error.Message);
    }

    [Theory]
    [InlineData("{\"readings\": {\"y\": -Infinity}}", "\"y\" is -Infinity")]
    [InlineData("{\"readings\": {\"y\": \"12\"}}", "readings.y is a JSON string (\"12\"), expected a finite number")]
    [InlineData("{\"readings\": {\"y\": 1e999}}", "readings.y = 1e999 is not a finite number")]
    [InlineData("{\"readings\": [1, 2]}", "\"readings\" must be an object of name: number, but it is a JSON array")]
    [InlineData("[1, 2]", "stdout must be one JSON object, but it is a JSON array")]
    [InlineData("{\"readings\": {}, \"data\": [{\"key\": \"frame\"}]}", "data[0] has no \"uri\"")]
    [InlineData("{\"readings\": {}, \"data\": [{\"key\": \"frame\", \"uri\": \"missing.tiff\"}]}", "data[0].uri 'missing.tiff' names a file that does not exist")]
    [InlineData("{\"readings\": {}, \"sampleId\": 7}", "\"sampleId\" must be a string, but it is a JSON number (7)")]
    public async Task Unusable_values_are_bad_output_naming_the_field(string stdout, string expected)
    {
        var script = Path.Combine(_data.Path, "out.json");
        await File.WriteAllTextAsync(script, stdout);

        var error = await Assert.ThrowsAsync<DeviceOutputException>(() => RunAsync(Shell($"cat '{script}'")));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_output_includes_the_tail_of_stderr_when_the_script_wrote_some()
    {
        var error = await Assert.ThrowsAsync<DeviceOutputException>(() => RunAsync(Shell("echo 'Traceback: ZeroDivisionError' >&2; echo 'not json'")));

        Assert.EndsWith("; stderr: Traceback: ZeroDivisionError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_that_does_not_exist_cannot_start()
    {
        var device = new ProcessInstrument(new ProcessInstrumentOptions { Executable = "/nonexistent/measure" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(device));

        Assert.StartsWith("could not start '/nonexistent/measure'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_an_executable_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProcessInstrument(new ProcessInstrumentOptions { Timeout = TimeSpan.Zero }));

        Assert.Contains("Executable is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be positive", error.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> ExitsAsync(int pid)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status) || (await File.ReadAllTextAsync(status)).Contains("State:\tZ", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }
}
