using System.Diagnostics;
using System.Globalization;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// A foreign adapter written in Python (examples/adapters/python, pika) serves a campaign's measure
/// step over the real broker, speaking only the documented JSON wire contract.
/// </summary>
[Collection(SharedBrokerCollection.Name)]
public sealed class PythonAdapterTests
{
    [Fact]
    public async Task The_Python_adapter_serves_the_measure_step_of_a_campaign_over_RabbitMQ()
    {
        string uri = BrokerEnvironment.RequireUri();
        string name = $"python-it-{Guid.NewGuid():N}"[..20];
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", "python-adapter.yaml")).Replace("python-sim", name, StringComparison.Ordinal);
        string specPath = SpecFiles.Write("python", spec);
        RunFolderFiles run = RunFolderFiles.NewTemp("python");

        using Process adapter = StartAdapter(name, uri, "--fail-every", "5");
        try
        {
            await WaitForReadyAsync(adapter);

            AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", specPath, "--out", run.Root, "--transport", "rabbitmq", "--rabbitmq", uri]);

            Assert.True(result.ExitCode == 0, result.ToString());
            (string[] header, List<string[]> rows) = run.Observations();
            Assert.Equal(16, rows.Count);
            int x1 = Array.IndexOf(header, "x1"), x2 = Array.IndexOf(header, "x2"), y = Array.IndexOf(header, "y");
            Assert.All(rows, r =>
            {
                // The adapter measures y = Σ (x_i − 0.3)²: the value proves it computed on our parameters.
                double expected = Math.Pow(Parse(r[x1]) - 0.3, 2) + Math.Pow(Parse(r[x2]) - 0.3, 2);
                Assert.Equal(expected, Parse(r[y]), 9);
            });
            var journal = run.Journal();
            Assert.Contains(journal, e => e.Kind == "StepFaulted" && e.Payload.Contains("\"DeviceError\"", StringComparison.Ordinal)); // --fail-every 5, then retried
            Assert.Equal(16, journal.Count(e => e.Kind == "MeasurementCompleted"));
        }
        finally
        {
            adapter.Kill(entireProcessTree: true);
        }
    }

    static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    static Process StartAdapter(string name, string uri, params string[] extra)
    {
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(RepositoryPaths.Of("examples", "adapters", "python", "sphere_instrument.py"));
        info.ArgumentList.Add("--name");
        info.ArgumentList.Add(name);
        foreach (string argument in extra)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AUTOLAB_RABBITMQ_URI"] = uri;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the Python adapter");
    }

    static async Task WaitForReadyAsync(Process adapter)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await adapter.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready:", StringComparison.Ordinal))
            {
                _ = adapter.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining
                _ = adapter.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        Assert.Fail($"the Python adapter exited before it was ready: {await adapter.StandardError.ReadToEndAsync(CancellationToken.None)}");
    }
}
