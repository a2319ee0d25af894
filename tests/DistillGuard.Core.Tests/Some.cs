using DistillGuard.Core.Features;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>Test data factory: valid exchanges and account states with small overrides.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Start = new(2026, 4, 22, 0, 0, 0, TimeSpan.Zero);

    public static Exchange Exchange(string account = "acct_1", string prompt = "hello there", int minute = 0) => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Timestamp = Start.AddMinutes(minute),
        AccountId = new AccountId(account),
        Model = "frontier-1",
        Prompt = prompt,
        InputTokens = Math.Max(1, prompt.Length / 4),
        OutputTokens = 200,
    };

    public static AccountState State(string account, IEnumerable<Exchange> exchanges)
    {
        var state = new AccountState(new AccountId(account));
        foreach (var e in exchanges)
        {
            state.Add(e, ExchangeSignals.Of(e), ExchangeAttributes.Of(e));
        }

        return state;
    }
}
