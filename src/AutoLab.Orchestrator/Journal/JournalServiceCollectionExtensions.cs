using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the campaign journal of a run folder.</summary>
public static class JournalServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICampaignJournal"/> as a singleton <see cref="SqliteCampaignJournal"/> on the run folder's
    /// <c>journal.db</c>, opened on first use and closed (queue flushed) when the container is disposed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="runFolder">The campaign's run folder (from <see cref="RunFolder.Create"/> or <see cref="RunFolder.OpenForResume"/>).</param>
    /// <param name="configure">Adjusts <see cref="SqliteJournalOptions"/> (durability, batch size); validated on first use.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAutoLabJournal(
        this IServiceCollection services,
        RunFolder runFolder,
        Action<SqliteJournalOptions>? configure = null)
    {
        OptionsBuilder<SqliteJournalOptions> options = services.AddOptions<SqliteJournalOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteJournalOptions>, SqliteJournalOptionsValidator>());
        services.AddSingleton<ICampaignJournal>(provider => SqliteCampaignJournal.Open(
            runFolder.JournalPath,
            provider.GetRequiredService<IOptions<SqliteJournalOptions>>().Value,
            provider.GetService<TimeProvider>()));
        return services;
    }
}
