namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>Writes the verdicts, reasons and campaigns of a run through appenders.</summary>
internal static class ResultRows
{
    public static void AppendVerdicts(DuckDBConnection connection, string runId, IReadOnlyList<AccountVerdict> accounts)
    {
        using (var verdicts = connection.CreateAppender("verdicts"))
        {
            for (var i = 0; i < accounts.Count; i++)
            {
                var a = accounts[i];
                verdicts.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(a.AccountId.Value)
                    .AppendValue((int?)i)
                    .AppendValue((double?)a.RiskScore)
                    .AppendValue(a.Verdict.ToContract())
                    .AppendValue(a.CampaignId?.Value)
                    .AppendValue((long?)a.Exchanges)
                    .EndRow();
            }
        }

        using var reasons = connection.CreateAppender("account_reasons");
        foreach (var a in accounts)
        {
            for (var rank = 0; rank < a.Reasons.Count; rank++)
            {
                var r = a.Reasons[rank];
                reasons.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(a.AccountId.Value)
                    .AppendValue((int?)rank)
                    .AppendValue(r.Signal)
                    .AppendValue((double?)r.Value)
                    .AppendValue((double?)r.Contribution)
                    .AppendValue(r.Evidence)
                    .EndRow();
            }
        }
    }

    public static void AppendCampaigns(DuckDBConnection connection, string runId, IReadOnlyList<CampaignSummary> campaigns)
    {
        using (var table = connection.CreateAppender("campaigns"))
        {
            for (var i = 0; i < campaigns.Count; i++)
            {
                var c = campaigns[i];
                table.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(c.CampaignId.Value)
                    .AppendValue((int?)i)
                    .AppendValue((long?)c.Exchanges)
                    .AppendValue((DateTimeOffset?)c.FirstSeen.ToUniversalTime())
                    .AppendValue((DateTimeOffset?)c.LastSeen.ToUniversalTime())
                    .AppendValue((long?)c.InputTokens)
                    .AppendValue((long?)c.OutputTokens)
                    .AppendValue((long?)c.ReasoningTokens)
                    .EndRow();
            }
        }

        AppendRanked(connection, "campaign_accounts", runId, campaigns, c => c.Accounts.Select(a => a.Value).ToList());
        AppendRanked(connection, "campaign_models", runId, campaigns, c => c.Models);
        AppendRanked(connection, "campaign_evidence", runId, campaigns, c => c.Evidence);
        AppendCapabilities(connection, runId, campaigns);
        AppendTimeline(connection, runId, campaigns);
    }

    private static void AppendRanked(
        DuckDBConnection connection, string table, string runId, IReadOnlyList<CampaignSummary> campaigns,
        Func<CampaignSummary, IReadOnlyList<string>> values)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var c in campaigns)
        {
            var list = values(c);
            for (var rank = 0; rank < list.Count; rank++)
            {
                appender.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(c.CampaignId.Value)
                    .AppendValue((int?)rank)
                    .AppendValue(list[rank])
                    .EndRow();
            }
        }
    }

    private static void AppendCapabilities(DuckDBConnection connection, string runId, IReadOnlyList<CampaignSummary> campaigns)
    {
        using var appender = connection.CreateAppender("campaign_capabilities");
        foreach (var c in campaigns)
        {
            foreach (var (capability, share) in c.CapabilityMix.OrderBy(kv => kv.Key))
            {
                appender.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(c.CampaignId.Value)
                    .AppendValue(capability.ToContract())
                    .AppendValue((double?)share)
                    .EndRow();
            }
        }
    }

    private static void AppendTimeline(DuckDBConnection connection, string runId, IReadOnlyList<CampaignSummary> campaigns)
    {
        using var appender = connection.CreateAppender("campaign_timeline");
        foreach (var c in campaigns)
        {
            foreach (var day in c.Timeline)
            {
                appender.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(c.CampaignId.Value)
                    .AppendValue((DateOnly?)day.Day)
                    .AppendValue((long?)day.Exchanges)
                    .AppendValue((long?)day.OutputTokens)
                    .EndRow();
            }
        }
    }
}
