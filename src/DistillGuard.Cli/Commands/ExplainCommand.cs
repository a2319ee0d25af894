using System.CommandLine;
using System.Globalization;
using DistillGuard.Core.Model;
using DistillGuard.Core.Storage;
using DistillGuard.Storage;
using Spectre.Console;
using static DistillGuard.Cli.Commands.ConsoleText;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard explain`: why an account got its verdict, or what binds a campaign, from a stored run.</summary>
internal static class ExplainCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "DuckDB file written by analyze", Required = true };
        var account = new Option<string?>("--account") { Description = "account id to explain" };
        var campaign = new Option<string?>("--campaign") { Description = "campaign id to explain" };
        var run = new Option<string?>("--run") { Description = "run id (default: the latest complete run)" };
        var command = new Command("explain", "Explain an account's verdict (signals and their contributions) or a campaign (evidence, size, members).")
        {
            db, account, campaign, run,
        };
        command.SetAction((parse, _) => CliErrors.Guard(() =>
        {
            var accountId = parse.GetValue(account);
            var campaignId = parse.GetValue(campaign);
            if ((accountId is null) == (campaignId is null))
            {
                throw new ArgumentException("give exactly one of --account or --campaign");
            }

            var (store, result) = StoredRunLookup.Open(parse.GetValue(db)!, parse.GetValue(run));
            using var opened = store;
            return Task.FromResult(accountId is not null
                ? ExplainAccount(store, result, new AccountId(accountId))
                : ExplainCampaign(store, result, campaignId!));
        }));
        return command;
    }

    private static int ExplainAccount(DuckDbAnalysisStore store, AnalysisResult result, AccountId id)
    {
        var verdict = result.Accounts.FirstOrDefault(a => a.AccountId == id)
            ?? throw new ArgumentException($"account '{id.Value}' is not in run {result.Run.RunId}");
        AnsiConsole.Write(new Rows(
            Line("account", id.Value),
            Line("run", result.Run.RunId),
            Line("verdict", $"{verdict.Verdict.ToContract()} (risk {verdict.RiskScore.ToString("0.000", CultureInfo.InvariantCulture)})"),
            Line("campaign", verdict.CampaignId?.Value ?? "—"),
            Line("exchanges", verdict.Exchanges.ToString("N0", CultureInfo.InvariantCulture))));
        var reasons = new Table().AddColumns("signal", "value", "contribution (log-odds)", "evidence");
        foreach (var reason in verdict.Reasons)
        {
            reasons.AddRow(Cell(reason.Signal), Cell(reason.Value.ToString("0.00", CultureInfo.InvariantCulture)),
                Cell(reason.Contribution.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)), Cell(reason.Evidence));
        }

        AnsiConsole.Write(reasons);
        if (store.LoadFeatures(result.Run.RunId, id) is { } f)
        {
            var features = new Table().AddColumns("feature", "value");
            features.AddRow(Cell("first / last seen"), Cell($"{f.FirstSeen:u} / {f.LastSeen:u}"));
            features.AddRow(Cell("exchanges per active day"), Cell(f.ExchangesPerActiveDay.ToString("0.0", CultureInfo.InvariantCulture)));
            features.AddRow(Cell("hour-of-day entropy"), Cell(f.HourEntropy.ToString("0.00", CultureInfo.InvariantCulture)));
            features.AddRow(Cell("share opening a new task"), Cell(f.FirstTurnShare.ToString("P0", CultureInfo.InvariantCulture)));
            features.AddRow(Cell("mean turn index"), Cell(f.MeanTurnIndex.ToString("0.0", CultureInfo.InvariantCulture)));
            features.AddRow(Cell("reasoning elicitation"), Cell(f.ReasoningElicitationShare.ToString("P0", CultureInfo.InvariantCulture)));
            features.AddRow(Cell("harvest capabilities"), Cell(f.HarvestCapabilityShare.ToString("P0", CultureInfo.InvariantCulture)));
            features.AddRow(Cell("mean output / reasoning tokens"), Cell($"{f.MeanOutputTokens:0} / {f.MeanReasoningTokens:0}"));
            features.AddRow(Cell("account age at first use (days)"), Cell(f.AccountAgeDaysAtFirstUse?.ToString("0.0", CultureInfo.InvariantCulture) ?? "unknown"));
            AnsiConsole.Write(features);
        }

        var edges = store.LoadLinkEdges(result.Run.RunId, [id]);
        ExplainEdges.ForAccount(edges.Count > 0 ? edges[0] : null);
        return 0;
    }

    private static int ExplainCampaign(DuckDbAnalysisStore store, AnalysisResult result, string id)
    {
        var campaign = result.Campaigns.FirstOrDefault(c => c.CampaignId.Value == id)
            ?? throw new ArgumentException($"campaign '{id}' is not in run {result.Run.RunId}");
        AnsiConsole.Write(new Rows(
            Line("campaign", id),
            Line("run", result.Run.RunId),
            Line("accounts", campaign.Accounts.Count.ToString("N0", CultureInfo.InvariantCulture)),
            Line("exchanges", campaign.Exchanges.ToString("N0", CultureInfo.InvariantCulture)),
            Line("window", $"{campaign.FirstSeen:u} to {campaign.LastSeen:u}"),
            Line("tokens in / out / reasoning", $"{campaign.InputTokens:N0} / {campaign.OutputTokens:N0} / {campaign.ReasoningTokens:N0}"),
            Line("models", string.Join(", ", campaign.Models)),
            Line("capabilities", string.Join(", ", campaign.CapabilityMix.OrderByDescending(kv => kv.Value)
                .Select(kv => $"{kv.Key.ToContract()} {kv.Value.ToString("P0", CultureInfo.InvariantCulture)}")))));
        var evidence = new Table().AddColumns("evidence (shared attributes, and how many accounts outside the campaign carry them)");
        foreach (var line in campaign.Evidence)
        {
            evidence.AddRow(Cell(line));
        }

        AnsiConsole.Write(evidence);
        var members = new Table().AddColumns("account", "risk", "exchanges", "strongest reason");
        var byId = result.Accounts.ToDictionary(a => a.AccountId);
        foreach (var account in campaign.Accounts.Select(a => byId[a]).OrderByDescending(a => a.Exchanges).Take(25))
        {
            members.AddRow(Cell(account.AccountId.Value), Cell(account.RiskScore.ToString("0.000", CultureInfo.InvariantCulture)),
                Cell(account.Exchanges.ToString("N0", CultureInfo.InvariantCulture)), Cell(account.Reasons.Count > 0 ? account.Reasons[0].Evidence : "—"));
        }

        AnsiConsole.Write(members);
        if (campaign.Accounts.Count > 25)
        {
            AnsiConsole.Write(new Text($"… and {campaign.Accounts.Count - 25} more accounts\n"));
        }

        ExplainEdges.ForCampaign(campaign.Accounts, store.LoadLinkEdges(result.Run.RunId, campaign.Accounts));
        return 0;
    }
}
