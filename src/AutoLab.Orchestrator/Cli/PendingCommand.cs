using System.CommandLine;
using System.Globalization;
using System.Text;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Approval;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab pending DIR</c>: the batch of suggestions waiting for approval, with its parameters.</summary>
public static class PendingCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the campaign." };
        var command = new Command("pending", "List the suggestions waiting for approval (human in the loop).") { directory };
        command.SetAction((parse, ct) => CliAction.RunAsync(async () =>
        {
            ApprovalLedger ledger;
            try
            {
                ledger = await ApprovalDesk.ReadAsync(parse.GetRequiredValue(directory).FullName, ct);
            }
            catch (ApprovalException e)
            {
                throw new CliError(e.Message);
            }

            Console.Write(Format(ledger));
            return 0;
        }));
        return command;
    }

    /// <summary>The text <c>autolab pending</c> prints: the waiting batch as a table, or why nothing waits.</summary>
    public static string Format(ApprovalLedger ledger)
    {
        CampaignPlan plan = ledger.Plan!;
        var text = new StringBuilder();
        if (!plan.RequireApproval)
        {
            return $"campaign '{plan.Name}' does not ask for approval (no `approval: true` in its spec)\n";
        }

        if (ledger.Waiting is not { } batch)
        {
            text.Append(CultureInfo.InvariantCulture, $"nothing waits for approval in campaign '{plan.Name}'");
            text.Append(ledger.FinalEnd is { } end ? $" (ended {end.Outcome})" : "");
            text.Append(ledger.Batches.Count == 0 ? "; no batch requested yet\n" : $"; batch {ledger.Batches.Count} {ApprovalDesk.Describe(ledger.Batches[^1])}\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"batch {batch.Number} of campaign '{plan.Name}' {ApprovalDesk.Describe(batch)}\n");
        string[] header = ["#", .. plan.Space.Select(p => string.IsNullOrEmpty(p.Unit) ? p.Name : $"{p.Name}[{p.Unit}]")];
        List<string[]> rows = [.. batch.Suggestions.Select((point, i) => Row(plan, point, i + 1))];
        int[] widths = [.. header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max())];
        text.AppendLine(string.Join("  ", header.Select((h, c) => h.PadLeft(widths[c]))));
        foreach (string[] row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((v, c) => v.PadLeft(widths[c]))));
        }

        text.Append(CultureInfo.InvariantCulture, $"approve: autolab approve DIR --batch {batch.Number}    reject: autolab approve DIR --batch {batch.Number} --reject --reason TEXT\n");
        return text.ToString();
    }

    static string[] Row(CampaignPlan plan, ParameterPoint point, int index) =>
    [
        index.ToString(CultureInfo.InvariantCulture),
        .. plan.Space.Select(p => p.Kind == ParameterKind.Categorical
            ? point.Choices.GetValueOrDefault(p.Name, "")
            : point.Values.TryGetValue(p.Name, out double v) ? v.ToString("G6", CultureInfo.InvariantCulture) : ""),
    ];
}
