namespace DistillGuard.Storage;

using DistillGuard.Core.Model;

/// <summary>
/// The DuckDB schema of the analysis store. Every table carries <c>run_id</c>, so many runs
/// share one file. Version 3; an older file is migrated in place (<see cref="Migrations"/>),
/// and a file with a newer or unknown version is refused.
/// </summary>
internal static class Schema
{
    public const int Version = 3;

    /// <summary>
    /// Evidence edges of linked and flagged accounts (version 2): per account its strongest partners,
    /// one row per shared value or timing pattern. Never a raw value: the kind, a keyed hash of the
    /// value (NULL for timing evidence) and how many accounts carry it.
    /// </summary>
    public const string LinkEdgesTable = """
        CREATE TABLE IF NOT EXISTS link_edges (
            run_id VARCHAR NOT NULL,
            account_id VARCHAR NOT NULL,
            rank INTEGER NOT NULL,
            other_account_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            weight DOUBLE NOT NULL,
            pair_strength DOUBLE NOT NULL,
            value_hash UBIGINT,
            carriers INTEGER NOT NULL,
            ordinary_carriers INTEGER NOT NULL,
            ordinary_population INTEGER NOT NULL,
            detail DOUBLE NOT NULL,
            partners INTEGER NOT NULL,
            PRIMARY KEY (run_id, account_id, rank))
        """;

    /// <summary>The detection options root each run used, as JSON (version 3), so a run can be reproduced from the store.</summary>
    public const string RunOptionsColumn = "ALTER TABLE runs ADD COLUMN IF NOT EXISTS detection_options VARCHAR";

    /// <summary>Statements that bring a file from a version (the key) to the next one.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Migrations { get; } = new Dictionary<int, IReadOnlyList<string>>
    {
        [1] = [LinkEdgesTable],
        [2] = [RunOptionsColumn],
    };

    /// <summary>Column names of the nine capability shares of <c>account_features</c>, in <see cref="Capability"/> order.</summary>
    public static IReadOnlyList<string> CapabilityColumns { get; } =
        Capabilities.All.Select(c => "cap_" + c.ToContract()).ToArray();

    public const string VersionTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";

    public static IReadOnlyList<string> Tables { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMPTZ NOT NULL,
            input VARCHAR NOT NULL,
            model_version VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            wall_time_seconds DOUBLE NOT NULL,
            read_count BIGINT NOT NULL,
            accepted_count BIGINT NOT NULL,
            rejected_count BIGINT NOT NULL,
            duplicate_count BIGINT NOT NULL,
            accounts INTEGER NOT NULL DEFAULT 0,
            flagged_accounts INTEGER NOT NULL DEFAULT 0,
            campaigns INTEGER NOT NULL DEFAULT 0,
            seq BIGINT NOT NULL,
            detection_options VARCHAR)
        """,
        // No key on exchanges: ingest already removed duplicates, and an index would cost the append rate.
        """
        CREATE TABLE IF NOT EXISTS exchanges (
            run_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            ts TIMESTAMPTZ NOT NULL,
            account_id VARCHAR NOT NULL,
            model VARCHAR NOT NULL,
            conversation_id VARCHAR,
            turn_index INTEGER,
            input_tokens BIGINT NOT NULL,
            output_tokens BIGINT NOT NULL,
            reasoning_tokens BIGINT,
            max_tokens BIGINT,
            temperature DOUBLE,
            tools_declared INTEGER,
            tool_calls INTEGER,
            stop_reason VARCHAR,
            status VARCHAR NOT NULL,
            capability UTINYINT NOT NULL,
            elicits_reasoning BOOLEAN NOT NULL,
            prompt_hash UBIGINT NOT NULL,
            template_hash UBIGINT NOT NULL,
            client_ip_hash UBIGINT,
            network_hash UBIGINT,
            asn BIGINT,
            country VARCHAR,
            payment_hash UBIGINT,
            prompt_text VARCHAR)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS account_features (
            run_id VARCHAR NOT NULL,
            account_id VARCHAR NOT NULL,
            organization_id VARCHAR,
            exchanges BIGINT NOT NULL,
            first_seen TIMESTAMPTZ NOT NULL,
            last_seen TIMESTAMPTZ NOT NULL,
            active_days DOUBLE NOT NULL,
            exchanges_per_active_day DOUBLE NOT NULL,
            hour_entropy DOUBLE NOT NULL,
            active_hour_share DOUBLE NOT NULL,
            gap_regularity DOUBLE NOT NULL,
            median_gap_seconds DOUBLE NOT NULL,
            input_tokens BIGINT NOT NULL,
            output_tokens BIGINT NOT NULL,
            reasoning_tokens BIGINT NOT NULL,
            output_input_ratio DOUBLE NOT NULL,
            mean_output_tokens DOUBLE NOT NULL,
            mean_reasoning_tokens DOUBLE NOT NULL,
            reasoning_share DOUBLE NOT NULL,
            mean_max_tokens DOUBLE NOT NULL,
            max_tokens_set_share DOUBLE NOT NULL,
            truncated_share DOUBLE NOT NULL,
            zero_temperature_share DOUBLE NOT NULL,
            mean_turn_index DOUBLE NOT NULL,
            max_turn_index INTEGER NOT NULL,
            first_turn_share DOUBLE NOT NULL,
            tool_use_share DOUBLE NOT NULL,
            tool_result_feedback_share DOUBLE NOT NULL,
            follow_up_share DOUBLE NOT NULL,
            account_age_days_at_first_use DOUBLE,
            reasoning_elicitation_share DOUBLE NOT NULL,
            harvest_capability_share DOUBLE NOT NULL,
            {string.Join(",\n    ", CapabilityColumns.Select(c => c + " DOUBLE"))},
            distinct_prompt_share DOUBLE NOT NULL,
            template_share DOUBLE NOT NULL,
            error_share DOUBLE NOT NULL,
            PRIMARY KEY (run_id, account_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS verdicts (
            run_id VARCHAR NOT NULL,
            account_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            risk_score DOUBLE NOT NULL,
            verdict VARCHAR NOT NULL,
            campaign_id VARCHAR,
            exchanges BIGINT NOT NULL,
            PRIMARY KEY (run_id, account_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS account_reasons (
            run_id VARCHAR NOT NULL,
            account_id VARCHAR NOT NULL,
            rank INTEGER NOT NULL,
            signal VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            contribution DOUBLE NOT NULL,
            evidence VARCHAR NOT NULL,
            PRIMARY KEY (run_id, account_id, rank))
        """,
        """
        CREATE TABLE IF NOT EXISTS campaigns (
            run_id VARCHAR NOT NULL,
            campaign_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            exchanges BIGINT NOT NULL,
            first_seen TIMESTAMPTZ NOT NULL,
            last_seen TIMESTAMPTZ NOT NULL,
            input_tokens BIGINT NOT NULL,
            output_tokens BIGINT NOT NULL,
            reasoning_tokens BIGINT NOT NULL,
            PRIMARY KEY (run_id, campaign_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS campaign_accounts (
            run_id VARCHAR NOT NULL,
            campaign_id VARCHAR NOT NULL,
            rank INTEGER NOT NULL,
            account_id VARCHAR NOT NULL,
            PRIMARY KEY (run_id, campaign_id, rank))
        """,
        """
        CREATE TABLE IF NOT EXISTS campaign_capabilities (
            run_id VARCHAR NOT NULL,
            campaign_id VARCHAR NOT NULL,
            capability VARCHAR NOT NULL,
            share DOUBLE NOT NULL,
            PRIMARY KEY (run_id, campaign_id, capability))
        """,
        """
        CREATE TABLE IF NOT EXISTS campaign_models (
            run_id VARCHAR NOT NULL,
            campaign_id VARCHAR NOT NULL,
            rank INTEGER NOT NULL,
            model VARCHAR NOT NULL,
            PRIMARY KEY (run_id, campaign_id, rank))
        """,
        """
        CREATE TABLE IF NOT EXISTS campaign_evidence (
            run_id VARCHAR NOT NULL,
            campaign_id VARCHAR NOT NULL,
            rank INTEGER NOT NULL,
            evidence VARCHAR NOT NULL,
            PRIMARY KEY (run_id, campaign_id, rank))
        """,
        """
        CREATE TABLE IF NOT EXISTS campaign_timeline (
            run_id VARCHAR NOT NULL,
            campaign_id VARCHAR NOT NULL,
            day DATE NOT NULL,
            exchanges BIGINT NOT NULL,
            output_tokens BIGINT NOT NULL,
            PRIMARY KEY (run_id, campaign_id, day))
        """,
        LinkEdgesTable,
    ];
}
