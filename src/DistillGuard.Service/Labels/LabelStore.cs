using System.Text.Json;
using DistillGuard.Service.Config;
using DistillGuard.Service.Server;
using DistillGuard.Service.State;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Labels;

/// <summary>The body of <c>POST /v1/labels</c> (contract: <c>{account_id, label: "organic"|"campaign", campaign_id?, note?}</c>).</summary>
public sealed record LabelRequest(string? AccountId, string? Label, string? CampaignId = null, string? Note = null);

/// <summary>A stored label, as the reply shows it.</summary>
public sealed record StoredLabel(long Seq, string AccountId, string Label, string? CampaignId, string? Note, string LabelledBy, DateTimeOffset At);

/// <summary>
/// Analysts' labels in the service's store, one row per label in the order given (a later label of an account stands
/// over an earlier one; none is overwritten). The columns are those of labels.csv, plus who labelled and when.
/// </summary>
internal sealed class LabelStore(ExchangeJournal store, TimeProvider clock)
{
    public const string Schema =
        "CREATE TABLE IF NOT EXISTS service_labels (seq BIGINT NOT NULL, account_id VARCHAR NOT NULL, label VARCHAR NOT NULL, " +
        "campaign_id VARCHAR, note VARCHAR, labelled_by VARCHAR NOT NULL, labelled_at TIMESTAMPTZ NOT NULL)";

    /// <summary>Longest note kept, in characters (a note is a reason, not a document).</summary>
    public const int MaxNoteLength = 2000;

    public async Task<IResult> PostAsync(HttpContext context)
    {
        var (request, refusal) = await ServiceResults.ReadJsonAsync<LabelRequest>(context, "a label");
        if (refusal is not null)
        {
            return refusal;
        }

        if (Problem(request) is { } problem)
        {
            return ServiceResults.Error(StatusCodes.Status400BadRequest, problem);
        }

        var by = context.Features.Get<ServiceToken>()?.Name ?? "unknown";
        return ServiceResults.Ok(Append(request!, by));
    }

    /// <summary>Why <paramref name="r"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(LabelRequest? r) =>
        r is null || string.IsNullOrWhiteSpace(r.AccountId) ? "account_id is required"
        : r.Label is not ("organic" or "campaign") ? "label must be \"organic\" or \"campaign\""
        : r.Label == "organic" && r.CampaignId is not null ? "an organic label names no campaign_id"
        : r.Note is { Length: > MaxNoteLength } ? $"note is over {MaxNoteLength} characters"
        : null;

    /// <summary>Stores a label that <see cref="Problem"/> passed, by <paramref name="by"/> (the token's name).</summary>
    public StoredLabel Append(LabelRequest r, string by) => store.Use(connection =>
    {
        var at = clock.GetUtcNow();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO service_labels SELECT coalesce(max(seq), 0) + 1, $account, $label, $campaign, $note, $by, $at FROM service_labels RETURNING seq";
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("account", r.AccountId));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("label", r.Label));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("campaign", (object?)r.CampaignId ?? DBNull.Value));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("note", (object?)r.Note ?? DBNull.Value));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("by", by));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("at", at.UtcDateTime));
        var seq = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new StoredLabel(seq, r.AccountId!, r.Label!, r.CampaignId, r.Note, by, at);
    });

    /// <summary>Every label stored for <paramref name="account"/>, newest first.</summary>
    public IReadOnlyList<StoredLabel> Of(string account) => StoredLabels.Query(store, "WHERE account_id = $account ORDER BY seq DESC", ("account", account));

    /// <summary>The label in force for each labelled account (the latest), by account id.</summary>
    public IReadOnlyDictionary<string, StoredLabel> Latest() => StoredLabels.Latest(store);
}
