namespace AutoLab.Orchestrator.RunFolders;

/// <summary>What <c>autolab status DIR</c> shows: the summary and whether the campaign can be resumed.</summary>
/// <seealso cref="CampaignStatusReader"/>
public sealed record CampaignStatusReport
{
    /// <summary>The run folder read (absolute).</summary>
    public required string RunDirectory { get; init; }

    /// <summary>The campaign at a glance.</summary>
    public required CampaignSummary Summary { get; init; }

    /// <summary>Whether <c>autolab resume</c> has something to continue (false once Completed, Aborted or Faulted).</summary>
    public required bool CanResume { get; init; }

    /// <summary>One line: what resuming would do, or why there is nothing to resume.</summary>
    public required string Message { get; init; }

    /// <summary>The report for the console: the summary's lines (<see cref="CampaignSummaryWriter.Describe"/>), then <see cref="Message"/>.</summary>
    /// <returns>Lines separated by newlines.</returns>
    public override string ToString() => $"{RunDirectory}\n{CampaignSummaryWriter.Describe(Summary)}\n{Message}";
}
