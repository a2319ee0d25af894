using System.Globalization;
using System.Text.Json;
using DistillGuard.Core.Model;
using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

public sealed class ContractTests(TinyLogFixture tiny) : IClassFixture<TinyLogFixture>
{
    private static readonly HashSet<string> ContractFields =
    [
        ExchangeFields.EventId, ExchangeFields.Timestamp, ExchangeFields.AccountId, ExchangeFields.OrganizationId, ExchangeFields.ApiKeyId,
        ExchangeFields.AccountCreatedAt, ExchangeFields.EmailDomain, ExchangeFields.PaymentFingerprint, ExchangeFields.ClientIp,
        ExchangeFields.Asn, ExchangeFields.Country, ExchangeFields.UserAgent, ExchangeFields.Model, ExchangeFields.ConversationId,
        ExchangeFields.TurnIndex, ExchangeFields.SystemPrompt, ExchangeFields.Prompt, ExchangeFields.InputTokens, ExchangeFields.OutputTokens,
        ExchangeFields.ReasoningTokens, ExchangeFields.MaxTokens, ExchangeFields.Temperature, ExchangeFields.ToolsDeclared,
        ExchangeFields.ToolCalls, ExchangeFields.StopReason, ExchangeFields.Status,
    ];

    private static readonly string[] Strings = [ExchangeFields.OrganizationId, ExchangeFields.ApiKeyId, ExchangeFields.EmailDomain,
        ExchangeFields.PaymentFingerprint, ExchangeFields.ClientIp, ExchangeFields.Country, ExchangeFields.UserAgent,
        ExchangeFields.ConversationId, ExchangeFields.SystemPrompt];

    private static readonly string[] Counts = [ExchangeFields.TurnIndex, ExchangeFields.ReasoningTokens, ExchangeFields.ToolsDeclared,
        ExchangeFields.ToolCalls, ExchangeFields.Asn];

    [Fact]
    public void EveryRecordOfTinyCarriesOnlyContractFieldsWithTheRightTypes()
    {
        Assert.NotEmpty(tiny.Log.Records);
        foreach (JsonElement r in tiny.Log.Records)
        {
            Assert.All(r.EnumerateObject(), p => Assert.Contains(p.Name, ContractFields));
            RequiredString(r, ExchangeFields.EventId);
            RequiredString(r, ExchangeFields.AccountId);
            RequiredString(r, ExchangeFields.Model);
            Assert.Equal(JsonValueKind.String, r.GetProperty(ExchangeFields.Prompt).ValueKind);
            Timestamp(r.GetProperty(ExchangeFields.Timestamp));
            if (r.TryGetProperty(ExchangeFields.AccountCreatedAt, out JsonElement created))
            {
                Timestamp(created);
            }

            Assert.True(r.GetProperty(ExchangeFields.InputTokens).GetInt64() >= 0);
            Assert.True(r.GetProperty(ExchangeFields.OutputTokens).GetInt64() >= 0);
            Assert.All(Strings.Where(f => r.TryGetProperty(f, out _)), f => Assert.Equal(JsonValueKind.String, r.GetProperty(f).ValueKind));
            Assert.All(Counts.Where(f => r.TryGetProperty(f, out _)), f => Assert.True(r.GetProperty(f).GetInt64() >= 0, f));
            if (r.TryGetProperty(ExchangeFields.MaxTokens, out JsonElement max))
            {
                Assert.True(max.GetInt64() >= 1);
            }

            if (r.TryGetProperty(ExchangeFields.Temperature, out JsonElement temperature))
            {
                Assert.Equal(JsonValueKind.Number, temperature.ValueKind);
            }

            if (r.TryGetProperty(ExchangeFields.StopReason, out JsonElement stop))
            {
                Assert.True(ExchangeFields.TryParseStopReason(stop.GetString()!, out _), stop.GetString());
            }

            Assert.True(ExchangeFields.TryParseStatus(r.GetProperty(ExchangeFields.Status).GetString()!, out ExchangeStatus status));
            Assert.True(status == ExchangeStatus.Error || r.GetProperty(ExchangeFields.Prompt).GetString()!.Length > 0);
        }
    }

    [Fact]
    public void EventIdsAreUniqueAndRecordsAreInTimeOrder()
    {
        var ids = tiny.Log.Records.Select(r => r.GetProperty(ExchangeFields.EventId).GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var times = tiny.Log.Records.Select(r => r.GetProperty(ExchangeFields.Timestamp).GetString()!).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    [Fact]
    public void TokenCountsAgreeWithTheStopReason()
    {
        foreach (JsonElement r in tiny.Log.Records.Where(r => r.TryGetProperty(ExchangeFields.MaxTokens, out _)))
        {
            long max = r.GetProperty(ExchangeFields.MaxTokens).GetInt64();
            long output = r.GetProperty(ExchangeFields.OutputTokens).GetInt64();
            Assert.True(output <= max);
            if (r.TryGetProperty(ExchangeFields.StopReason, out JsonElement stop) && stop.GetString() == "max_tokens")
            {
                long reasoning = r.TryGetProperty(ExchangeFields.ReasoningTokens, out JsonElement rt) ? rt.GetInt64() : 0;
                Assert.Equal(max, output + reasoning);
            }
        }

        Assert.All(
            tiny.Log.Records.Where(r => r.TryGetProperty(ExchangeFields.StopReason, out JsonElement s) && s.GetString() == "tool_use"),
            r => Assert.True(r.GetProperty(ExchangeFields.ToolCalls).GetInt32() >= 1));
    }

    [Fact]
    public void TheTinyScenarioIsSmallButNotTrivial()
    {
        // Seven days, like default, so slow campaigns have time to show; still seconds to analyse.
        Assert.InRange(tiny.Log.Result.Exchanges, 15_000, 40_000);
        Assert.InRange(tiny.Log.Result.Accounts, 150, 220);
    }

    private static void RequiredString(JsonElement r, string field)
    {
        Assert.True(r.TryGetProperty(field, out JsonElement v), field);
        Assert.Equal(JsonValueKind.String, v.ValueKind);
        Assert.False(string.IsNullOrEmpty(v.GetString()), field);
    }

    private static void Timestamp(JsonElement value)
    {
        string text = value.GetString()!;
        Assert.True(
            DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _),
            text);
    }
}
