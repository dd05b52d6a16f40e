using Microsoft.Extensions.Options;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Checks <see cref="SqliteJournalOptions"/> before a journal is opened with them.</summary>
public sealed class SqliteJournalOptionsValidator : IValidateOptions<SqliteJournalOptions>
{
    /// <summary>Upper limit of <see cref="SqliteJournalOptions.MaxBatchSize"/>: larger batches only lengthen the wait of their first caller.</summary>
    public const int MaxBatchSizeLimit = 100_000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteJournalOptions options)
    {
        List<string> failures = [];
        if (options.MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            failures.Add($"Journal MaxBatchSize is {options.MaxBatchSize}; it must be between 1 and {MaxBatchSizeLimit}.");
        }

        if (!Enum.IsDefined(options.Durability))
        {
            failures.Add($"Journal Durability {(int)options.Durability} is not one of {string.Join(", ", Enum.GetNames<JournalDurability>())}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
