namespace DistillGuard.Storage;

using System.Data.Common;
using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>Maps <see cref="AccountFeatures"/> to the typed columns of <c>account_features</c> and back.</summary>
internal static class FeatureRows
{
    public static void Append(DuckDBConnection connection, string runId, IReadOnlyList<AccountFeatures> features)
    {
        using var appender = connection.CreateAppender("account_features");
        foreach (var f in features)
        {
            var row = appender.CreateRow()
                .AppendValue(runId)
                .AppendValue(f.AccountId.Value)
                .AppendValue(f.OrganizationId)
                .AppendValue((long?)f.Exchanges)
                .AppendValue((DateTimeOffset?)f.FirstSeen.ToUniversalTime())
                .AppendValue((DateTimeOffset?)f.LastSeen.ToUniversalTime())
                .AppendValue((double?)f.ActiveDays)
                .AppendValue((double?)f.ExchangesPerActiveDay)
                .AppendValue((double?)f.HourEntropy)
                .AppendValue((double?)f.ActiveHourShare)
                .AppendValue((double?)f.GapRegularity)
                .AppendValue((double?)f.MedianGapSeconds)
                .AppendValue((long?)f.InputTokens)
                .AppendValue((long?)f.OutputTokens)
                .AppendValue((long?)f.ReasoningTokens)
                .AppendValue((double?)f.OutputInputRatio)
                .AppendValue((double?)f.MeanOutputTokens)
                .AppendValue((double?)f.MeanReasoningTokens)
                .AppendValue((double?)f.ReasoningShare)
                .AppendValue((double?)f.MeanMaxTokens)
                .AppendValue((double?)f.MaxTokensSetShare)
                .AppendValue((double?)f.TruncatedShare)
                .AppendValue((double?)f.ZeroTemperatureShare)
                .AppendValue((double?)f.MeanTurnIndex)
                .AppendValue((int?)f.MaxTurnIndex)
                .AppendValue((double?)f.FirstTurnShare)
                .AppendValue((double?)f.ToolUseShare)
                .AppendValue((double?)f.ToolResultFeedbackShare)
                .AppendValue((double?)f.FollowUpShare)
                .AppendValue(f.AccountAgeDaysAtFirstUse)
                .AppendValue((double?)f.ReasoningElicitationShare)
                .AppendValue((double?)f.HarvestCapabilityShare);
            for (var i = 0; i < Capabilities.Count; i++)
            {
                // A shorter mix leaves the missing shares NULL rather than inventing zeros.
                row = row.AppendValue(i < f.CapabilityMix.Count ? f.CapabilityMix[i] : (double?)null);
            }

            row.AppendValue((double?)f.DistinctPromptShare)
                .AppendValue((double?)f.TemplateShare)
                .AppendValue((double?)f.ErrorShare)
                .EndRow();
        }
    }

    public static AccountFeatures? Load(DuckDBConnection connection, string runId, AccountId account)
    {
        using var command = Sql.Command(connection,
            "SELECT * FROM account_features WHERE run_id = $run AND account_id = $account",
            ("run", runId), ("account", account.Value));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static AccountFeatures Read(DbDataReader r)
    {
        double D(string column) => r.GetDouble(r.GetOrdinal(column));
        long L(string column) => r.GetInt64(r.GetOrdinal(column));
        var mix = Schema.CapabilityColumns
            .Select(c => Sql.NullableDouble(r, r.GetOrdinal(c)))
            .TakeWhile(v => v.HasValue)
            .Select(v => v!.Value)
            .ToArray();
        return new AccountFeatures
        {
            AccountId = new AccountId(r.GetString(r.GetOrdinal("account_id"))),
            OrganizationId = Sql.NullableString(r, r.GetOrdinal("organization_id")),
            Exchanges = L("exchanges"),
            FirstSeen = Sql.Instant(r, r.GetOrdinal("first_seen")),
            LastSeen = Sql.Instant(r, r.GetOrdinal("last_seen")),
            ActiveDays = D("active_days"),
            ExchangesPerActiveDay = D("exchanges_per_active_day"),
            HourEntropy = D("hour_entropy"),
            ActiveHourShare = D("active_hour_share"),
            GapRegularity = D("gap_regularity"),
            MedianGapSeconds = D("median_gap_seconds"),
            InputTokens = L("input_tokens"),
            OutputTokens = L("output_tokens"),
            ReasoningTokens = L("reasoning_tokens"),
            OutputInputRatio = D("output_input_ratio"),
            MeanOutputTokens = D("mean_output_tokens"),
            MeanReasoningTokens = D("mean_reasoning_tokens"),
            ReasoningShare = D("reasoning_share"),
            MeanMaxTokens = D("mean_max_tokens"),
            MaxTokensSetShare = D("max_tokens_set_share"),
            TruncatedShare = D("truncated_share"),
            ZeroTemperatureShare = D("zero_temperature_share"),
            MeanTurnIndex = D("mean_turn_index"),
            MaxTurnIndex = r.GetInt32(r.GetOrdinal("max_turn_index")),
            FirstTurnShare = D("first_turn_share"),
            ToolUseShare = D("tool_use_share"),
            ToolResultFeedbackShare = D("tool_result_feedback_share"),
            FollowUpShare = D("follow_up_share"),
            AccountAgeDaysAtFirstUse = Sql.NullableDouble(r, r.GetOrdinal("account_age_days_at_first_use")),
            ReasoningElicitationShare = D("reasoning_elicitation_share"),
            HarvestCapabilityShare = D("harvest_capability_share"),
            CapabilityMix = mix,
            DistinctPromptShare = D("distinct_prompt_share"),
            TemplateShare = D("template_share"),
            ErrorShare = D("error_share"),
        };
    }
}
