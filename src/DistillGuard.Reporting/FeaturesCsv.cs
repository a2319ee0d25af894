using DistillGuard.Core.Model;
using DistillGuard.Csv;

namespace DistillGuard.Reporting;

/// <summary>
/// Writes <c>account_features.csv</c>: every typed feature of every account, for analysts and for
/// fitting scoring parameters. An addition to the contract's files; nothing in it is free text but the account id.
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

    /// <summary>Writes the file through the one CSV writer: account_id is text (neutralised against formula injection), every other column a number.</summary>
    public static void Write(string path, IReadOnlyList<AccountFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        OutputFile.Write(path, stream =>
        {
            using var csv = CsvOutput.Create(stream, leaveOpen: true);
            csv.Header([.. Columns, .. Capabilities.All.Select(c => "cap_" + c.ToContract()), .. Trailing]);
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
                csv.Text(f.AccountId.Value);
                foreach (var value in values.Concat(f.CapabilityMix.Cast<object?>()).Concat(Trail(f)))
                {
                    _ = value switch
                    {
                        null => csv.Text(null),
                        double d => csv.Number(d, "0.####"),
                        long l => csv.Number(l),
                        int i => csv.Number(i),
                        _ => throw new InvalidOperationException($"account_features.csv has no column format for {value.GetType().Name}"),
                    };
                }

                csv.Row();
            }
        });
    }

    private static object?[] Trail(AccountFeatures f) =>
    [
        f.DistinctClients, f.InterleavedShare, f.InferredTurnShare,
        f.LeadClientShare, f.LeadClientElicitationShare, f.LeadClientCapabilityShare,
    ];
}
