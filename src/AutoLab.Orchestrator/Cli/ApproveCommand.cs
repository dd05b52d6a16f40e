using System.CommandLine;
using AutoLab.Orchestrator.Approval;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab approve DIR [--all | --batch N] [--reject [--reason TEXT]]</c>: decide on the batch a running
/// campaign waits on, from another terminal.
/// </summary>
/// <remarks>
/// The decision is left in the run folder (<see cref="ApprovalInbox"/>); the orchestrator's
/// <see cref="ApprovalPoller"/> publishes it on its bus, and the command waits until the journal shows it.
/// </remarks>
public static class ApproveCommand
{
    /// <summary>How long the command waits for the running campaign to journal the decision.</summary>
    static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(10);

    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the running campaign." };
        var all = new Option<bool>("--all") { Description = "Decide on whatever batch waits now." };
        var batch = new Option<int?>("--batch") { Description = "Decide on batch N (as `autolab pending` shows); refused unless it is the one waiting." };
        var reject = new Option<bool>("--reject") { Description = "Reject: discard the batch and ask the strategy again." };
        var reason = new Option<string?>("--reason") { Description = "Why (journaled with the decision)." };
        var command = new Command("approve", "Approve (or reject) the suggestions a campaign waits on.") { directory, all, batch, reject, reason };
        command.SetAction((parse, ct) => CliAction.RunAsync(() => RunAsync(
            parse.GetRequiredValue(directory).FullName, parse.GetValue(all), parse.GetValue(batch), parse.GetValue(reject), parse.GetValue(reason), ct)));
        return command;
    }

    static async Task<int> RunAsync(string directory, bool all, int? batch, bool reject, string? reason, CancellationToken ct)
    {
        if (all == batch.HasValue)
        {
            throw new CliError("pass exactly one of --all (the batch waiting now) or --batch N");
        }

        var inbox = new ApprovalInbox(directory);
        ApprovalDecision decision;
        string path;
        try
        {
            ApprovalLedger ledger = await ApprovalDesk.ReadAsync(directory, ct);
            var request = new ApprovalRequest { Batch = batch, Approved = !reject, Reason = reason, User = Environment.UserName };
            decision = ApprovalDesk.Decide(ledger, request, DateTimeOffset.UtcNow);
            ApprovalDesk.CheckDeliverable(inbox, decision, DateTimeOffset.UtcNow);
            path = inbox.Submit(decision);
        }
        catch (ApprovalException e)
        {
            throw new CliError(e.Message);
        }

        try
        {
            return await WaitForJournalAsync(directory, inbox, decision, path, ct);
        }
        catch (ApprovalException e)
        {
            throw new CliError(e.Message);
        }
    }

    static async Task<int> WaitForJournalAsync(string directory, ApprovalInbox inbox, ApprovalDecision decision, string path, CancellationToken ct)
    {
        string verb = decision.Approved ? "approved" : "rejected";
        var deadline = DateTimeOffset.UtcNow + ApplyTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            // The journal is the proof; the file's move to applied/ may not happen when the decision ends the
            // campaign (the orchestrator stops right after journaling it).
            string? where = inbox.Locate(path);
            if (where == "applied" || (await ApprovalDesk.ReadAsync(directory, ct)).HasDecision(decision.IdempotencyKey))
            {
                Console.WriteLine($"batch {decision.Batch} {verb} by {decision.DecidedBy}; the campaign journaled it");
                return 0;
            }

            if (where == "stale")
            {
                throw new CliError($"batch {decision.Batch} stopped waiting before the decision arrived (paused, halted or restarted); see `autolab pending {directory}`");
            }

            await Task.Delay(PollInterval, ct);
        }

        await Console.Error.WriteLineAsync($"batch {decision.Batch}: decision left in {path}, but the campaign has not journaled it within {ApplyTimeout.TotalSeconds:F0} s");
        return 1;
    }
}
