using Microsoft.Extensions.Options;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>Checks <see cref="TestFunctionSimulatorOptions"/>: known function, sensible noise, latency, fault rate and capacity.</summary>
public sealed class TestFunctionSimulatorOptionsValidator : IValidateOptions<TestFunctionSimulatorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TestFunctionSimulatorOptions options)
    {
        var failures = new List<string>();
        if (options.Function is { } function && !TestFunctionCatalog.Contains(function))
        {
            failures.Add($"Function '{function}' is unknown; known: {string.Join(", ", TestFunctionCatalog.Names)}");
        }

        if (options.Dimension is < 1)
        {
            failures.Add($"Dimension must be at least 1, not {options.Dimension}");
        }

        if (!double.IsFinite(options.NoiseStandardDeviation) || options.NoiseStandardDeviation < 0)
        {
            failures.Add($"NoiseStandardDeviation must be a finite number >= 0, not {options.NoiseStandardDeviation}");
        }

        if (options.Latency < TimeSpan.Zero)
        {
            failures.Add($"Latency must not be negative, not {options.Latency}");
        }

        if (!(options.FaultRate >= 0 && options.FaultRate <= 1))
        {
            failures.Add($"FaultRate must be a probability in [0, 1], not {options.FaultRate}");
        }

        if (options.FaultRate > 0 && options.FaultModes == InjectedFaults.None)
        {
            failures.Add("FaultRate is above 0 but FaultModes is None: choose Refusal, Timeout and/or Garbage");
        }

        if (options.Capacity < 1)
        {
            failures.Add($"Capacity must be at least 1, not {options.Capacity}");
        }

        if (options.OperationTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            failures.Add($"OperationTimeout must be positive, not {timeout}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates and throws when invalid.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static void ThrowIfInvalid(TestFunctionSimulatorOptions options)
    {
        var result = new TestFunctionSimulatorOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException($"test function simulator options: {result.FailureMessage}", nameof(options));
        }
    }
}
