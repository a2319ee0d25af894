using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DistillGuard.Core.Enforcement;

/// <summary>Where an action came from: a policy's decision (taken or shadowed) or an admin's hand.</summary>
public enum AuditOrigin
{
    Policy = 0,
    Manual,
}

/// <summary>What an audit entry records, before it is chained.</summary>
/// <param name="Actor">Who or what decided: <c>policy</c>, or the admin token's name.</param>
/// <param name="Subject">The account or campaign acted on, as <c>account:ID</c> or <c>campaign:ID</c>.</param>
/// <param name="Shadow">The action was only recorded (shadow mode); <c>allow</c> was returned.</param>
/// <param name="Evidence">What the action rests on: the verdict, risk, campaign and rule, or the admin's reason.</param>
public sealed record AuditDraft(
    DateTimeOffset At,
    string Actor,
    AuditOrigin Origin,
    string Subject,
    EnforcementAction Action,
    bool Shadow,
    DateTimeOffset? ExpiresAt,
    string PolicyVersion,
    string Evidence);

/// <summary>One entry of the append-only audit log: its draft, its place, and the hash that chains it to the one before.</summary>
/// <param name="PreviousHash">The hash of the entry before (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 (hex) of this entry's canonical form, previous hash included.</param>
public sealed record AuditEntry(long Sequence, AuditDraft Draft, string PreviousHash, string Hash)
{
    /// <summary>This entry as the head of the log: what the next entry chains to.</summary>
    public (long Sequence, string Hash) Head => (Sequence, Hash);
}

/// <summary>The result of checking a chain: valid, or the first entry that does not chain and why.</summary>
/// <param name="Entries">Entries read.</param>
/// <param name="FirstBroken">The sequence number of the first entry that is altered, missing or out of place; null when valid.</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBroken, string? Problem);

/// <summary>
/// The hash chain of the audit log. Each entry carries the hash of the one before, so editing an entry breaks its own
/// hash, deleting one breaks the next entry's link and its sequence, and reordering breaks both. Deleting entries from
/// the end leaves a shorter valid chain: the store keeps the head (last sequence and hash) apart, and
/// <see cref="Verify"/> compares it. Pure.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The entry that follows the head <paramref name="previous"/> (its sequence and hash; null for the first entry).</summary>
    public static AuditEntry Append((long Sequence, string Hash)? previous, AuditDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // Times are kept to the microsecond, as a store's timestamps are, so an entry read back hashes the same.
        draft = draft with { At = Microseconds(draft.At), ExpiresAt = draft.ExpiresAt is { } e ? Microseconds(e) : null };
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        return new AuditEntry(sequence, draft, previousHash, HashOf(sequence, draft, previousHash));
    }

    /// <summary>Checks entries in sequence order; <paramref name="head"/> is the last sequence and hash the store recorded apart, if any.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, (long Sequence, string Hash)? head = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long count = 0;
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            count++;
            var expected = (previous?.Sequence ?? 0) + 1;
            if (entry.Sequence != expected)
            {
                return entry.Sequence > expected
                    ? Broken(count, expected, $"entry {expected} is missing: entry {entry.Sequence} follows entry {expected - 1}")
                    : Broken(count, entry.Sequence, $"entry {entry.Sequence} is out of place after entry {expected - 1}");
            }

            if (entry.PreviousHash != (previous?.Hash ?? Genesis))
            {
                return Broken(count, entry.Sequence, $"entry {entry.Sequence} does not chain to the entry before it");
            }

            if (entry.Hash != HashOf(entry.Sequence, entry.Draft, entry.PreviousHash))
            {
                return Broken(count, entry.Sequence, $"entry {entry.Sequence} was altered: its content does not match its hash");
            }

            previous = entry;
        }

        if (head is { } h && (previous?.Sequence ?? 0) != h.Sequence)
        {
            var last = previous?.Sequence ?? 0;
            return last < h.Sequence
                ? Broken(count, last + 1, $"entries {last + 1} to {h.Sequence} are missing from the end")
                : Broken(count, h.Sequence + 1, $"entries after {h.Sequence} were added outside the log");
        }

        if (head is { } end && previous is not null && previous.Hash != end.Hash)
        {
            return Broken(count, previous.Sequence, $"entry {previous.Sequence} is not the head the log recorded");
        }

        return new AuditVerification(true, count, null, null);
    }

    private static DateTimeOffset Microseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000)), TimeSpan.Zero);

    private static AuditVerification Broken(long count, long sequence, string problem) => new(false, count, sequence, problem);

    /// <summary>SHA-256 of the entry's canonical JSON (fixed field order, invariant formats).</summary>
    public static string HashOf(long sequence, AuditDraft draft, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", sequence);
            json.WriteString("at", draft.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("actor", draft.Actor);
            json.WriteString("origin", draft.Origin == AuditOrigin.Manual ? "manual" : "policy");
            json.WriteString("subject", draft.Subject);
            json.WriteString("action", draft.Action.ToContract());
            json.WriteBoolean("shadow", draft.Shadow);
            if (draft.ExpiresAt is { } expires)
            {
                json.WriteString("expires_at", expires.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("expires_at");
            }

            json.WriteString("policy_version", draft.PolicyVersion);
            json.WriteString("evidence", draft.Evidence);
            json.WriteString("previous_hash", previousHash);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
