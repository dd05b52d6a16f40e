using Microsoft.Extensions.Options;

namespace AutoLab.Instruments.Adapters.Process;

/// <summary>Checks <see cref="ProcessInstrumentOptions"/>: an executable is named and the timeout is positive.</summary>
public sealed class ProcessInstrumentOptionsValidator : IValidateOptions<ProcessInstrumentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProcessInstrumentOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Executable))
        {
            failures.Add("Executable is empty: name the program to run, e.g. /usr/bin/python3");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Timeout must be positive, not {options.Timeout}");
        }

        if (options.Arguments.Any(a => a is null))
        {
            failures.Add("Arguments contains a null entry");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates and throws when invalid.</summary>
    /// <param name="options">The options.</param>
    /// <param name="instrument">Instrument name, for the message.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static void ThrowIfInvalid(ProcessInstrumentOptions options, string instrument)
    {
        var result = new ProcessInstrumentOptionsValidator().Validate(instrument, options);
        if (result.Failed)
        {
            throw new ArgumentException($"process instrument '{instrument}': {result.FailureMessage}", nameof(options));
        }
    }
}
