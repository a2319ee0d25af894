using System.Globalization;
using System.Text;
using DistillGuard.Core.Model;

namespace DistillGuard.Reporting;

/// <summary>
/// Writes <c>account_features.csv</c>: every typed feature of every account, for analysts and for
/// fitting scoring parameters. An addition to the contract's files; nothing in it is free text.
/// </summary>
public static class FeaturesCsv
{
    private static readonly string[] Columns =
    [
        "account_id", "exchanges", "active_days", "exchanges_per_active_day", "hour_entropy", "active_hour_share",
        "gap_regularity", "median_gap_seconds", "input_tokens", "output_tokens", "reasoning_tokens", "output_input_ratio",
        "mean_output_tokens", "mean_reasoning_tokens", "reasoning_share", "mean_max_tokens", "max_tokens_set_share",
        "truncated_share", "zero_temperature_share", "mean_turn_index", "max_turn_index", "first_turn_share", "tool_use_share",
        "tool_result_feedback_share", "follow_up_share", "account_age_days", "reasoning_elicitation_share",
        "harvest_capability_share", "distinct_prompt_share", "template_share", "error_share",
    ];

    /// <summary>Columns after the capability shares, so earlier columns keep their positions.</summary>
    private static readonly string[] Trailing =
    [
        "distinct_clients", "interleaved_share", "inferred_turn_share",
        "lead_client_share", "lead_client_elicitation_share", "lead_client_capability_share",
    ];

    public static void Write(string path, IReadOnlyList<AccountFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var text = new StringBuilder();
        text.AppendJoin(',', Columns.Concat(Capabilities.All.Select(c => "cap_" + c.ToContract())).Concat(Trailing)).Append('\n');
        foreach (var f in features)
        {
            object?[] values =
            [
                f.Exchanges, f.ActiveDays, f.ExchangesPerActiveDay, f.HourEntropy, f.ActiveHourShare, f.GapRegularity,
                f.MedianGapSeconds, f.InputTokens, f.OutputTokens, f.ReasoningTokens, f.OutputInputRatio, f.MeanOutputTokens,
                f.MeanReasoningTokens, f.ReasoningShare, f.MeanMaxTokens, f.MaxTokensSetShare, f.TruncatedShare,
                f.ZeroTemperatureShare, f.MeanTurnIndex, f.MaxTurnIndex, f.FirstTurnShare, f.ToolUseShare,
                f.ToolResultFeedbackShare, f.FollowUpShare, f.AccountAgeDaysAtFirstUse, f.ReasoningElicitationShare,
                f.HarvestCapabilityShare, f.DistinctPromptShare, f.TemplateShare, f.ErrorShare,
            ];
            text.Append(Csv.Field(f.AccountId.Value));
            foreach (var value in values.Concat(f.CapabilityMix.Cast<object?>()).Concat(Trail(f)))
            {
                text.Append(',').Append(value switch
                {
                    null => string.Empty,
                    double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                    IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static object?[] Trail(AccountFeatures f) =>
    [
        f.DistinctClients, f.InterleavedShare, f.InferredTurnShare,
        f.LeadClientShare, f.LeadClientElicitationShare, f.LeadClientCapabilityShare,
    ];
}
