using System.Text;
using DistillGuard.Core.Model;

namespace DistillGuard.Ingest.Validation;

/// <summary>The contract's fields as dense indices, so a record is an array, not a dictionary.</summary>
internal enum Field
{
    EventId, Timestamp, AccountId, OrganizationId, ApiKeyId, AccountCreatedAt, EmailDomain,
    PaymentFingerprint, ClientIp, Asn, Country, UserAgent, Model, ConversationId, TurnIndex,
    SystemPrompt, Prompt, InputTokens, OutputTokens, ReasoningTokens, MaxTokens, Temperature,
    ToolsDeclared, ToolCalls, StopReason, Status,
}

/// <summary>Maps contract field names (UTF-16 or UTF-8) to <see cref="Field"/>.</summary>
internal static class FieldNames
{
    public const int Count = (int)Field.Status + 1;

    private static readonly string[] Names =
    [
        ExchangeFields.EventId, ExchangeFields.Timestamp, ExchangeFields.AccountId, ExchangeFields.OrganizationId,
        ExchangeFields.ApiKeyId, ExchangeFields.AccountCreatedAt, ExchangeFields.EmailDomain,
        ExchangeFields.PaymentFingerprint, ExchangeFields.ClientIp, ExchangeFields.Asn, ExchangeFields.Country,
        ExchangeFields.UserAgent, ExchangeFields.Model, ExchangeFields.ConversationId, ExchangeFields.TurnIndex,
        ExchangeFields.SystemPrompt, ExchangeFields.Prompt, ExchangeFields.InputTokens, ExchangeFields.OutputTokens,
        ExchangeFields.ReasoningTokens, ExchangeFields.MaxTokens, ExchangeFields.Temperature,
        ExchangeFields.ToolsDeclared, ExchangeFields.ToolCalls, ExchangeFields.StopReason, ExchangeFields.Status,
    ];

    private static readonly byte[][] Utf8Names = Names.Select(Encoding.UTF8.GetBytes).ToArray();

    // Candidates bucketed by name length: at most a handful of comparisons per property.
    private static readonly int[][] ByLength = BuildByLength();

    public static string Name(Field field) => Names[(int)field];

    public static int Find(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= ByLength.Length)
        {
            return -1;
        }

        foreach (var i in ByLength[utf8.Length])
        {
            if (utf8.SequenceEqual(Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static int Find(string name) => Array.IndexOf(Names, name);

    private static int[][] BuildByLength()
    {
        var max = Utf8Names.Max(n => n.Length);
        var buckets = new int[max + 1][];
        for (var len = 0; len <= max; len++)
        {
            buckets[len] = Enumerable.Range(0, Names.Length).Where(i => Utf8Names[i].Length == len).ToArray();
        }

        return buckets;
    }
}
