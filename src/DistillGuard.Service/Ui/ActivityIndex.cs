using DistillGuard.Core.Model;
using DistillGuard.Service.State;

namespace DistillGuard.Service.Ui;

/// <summary>One account's activity as the dashboard shows it: days, models by day, user agents, a glimpse of recent prompts.</summary>
internal sealed record AccountActivity(
    IReadOnlyList<DailyCount> Days, IReadOnlyList<ModelDay> ModelDays, IReadOnlyList<NamedCount> UserAgents, IReadOnlyList<string> RecentPrompts)
{
    public static AccountActivity None { get; } = new([], [], [], []);
}

/// <summary>
/// Per-account activity read from the service's journal, for the pages that draw timelines: the verdict snapshot holds
/// states and verdicts, not days. It catches up with the journal incrementally (only records it has not read), so a page
/// pays for new exchanges once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the service; a SemaphoreSlim whose wait handle is never asked for holds nothing to release.")]
internal sealed class ActivityIndex(ExchangeJournal journal, DashboardOptions options)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<AccountId, Tally> accounts = [];
    private long indexed;

    /// <summary>Reads the records journalled since the last call.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        if (journal.Count <= Volatile.Read(ref indexed))
        {
            return;
        }

        await gate.WaitAsync(ct);
        try
        {
            var end = journal.Count;
            await foreach (var exchange in journal.ReadAsync(indexed, end, ct))
            {
                lock (accounts)
                {
                    if (!accounts.TryGetValue(exchange.AccountId, out var tally))
                    {
                        accounts[exchange.AccountId] = tally = new Tally();
                    }

                    tally.Add(exchange, options);
                }
            }

            Volatile.Write(ref indexed, end);
        }
        finally
        {
            gate.Release();
        }
    }

    public AccountActivity Of(AccountId account)
    {
        lock (accounts)
        {
            return accounts.TryGetValue(account, out var tally) ? tally.Snapshot() : AccountActivity.None;
        }
    }

    /// <summary>The accounts' days and models by day, summed.</summary>
    public (IReadOnlyList<DailyCount> Days, IReadOnlyList<ModelDay> ModelDays) Of(IEnumerable<AccountId> members)
    {
        var days = new Dictionary<DateOnly, (long Exchanges, long Output)>();
        var models = new Dictionary<(DateOnly, string), long>();
        lock (accounts)
        {
            foreach (var member in members)
            {
                if (!accounts.TryGetValue(member, out var tally))
                {
                    continue;
                }

                foreach (var (day, count) in tally.Days)
                {
                    var sum = days.GetValueOrDefault(day);
                    days[day] = (sum.Exchanges + count.Exchanges, sum.Output + count.Output);
                }

                foreach (var (key, count) in tally.ModelDays)
                {
                    models[key] = models.GetValueOrDefault(key) + count;
                }
            }
        }

        return ([.. days.OrderBy(d => d.Key).Select(d => new DailyCount(d.Key, d.Value.Exchanges, d.Value.Output))],
            [.. models.OrderBy(m => m.Key.Item1).ThenBy(m => m.Key.Item2, StringComparer.Ordinal).Select(m => new ModelDay(m.Key.Item1, m.Key.Item2, m.Value))]);
    }

    private sealed class Tally
    {
        public Dictionary<DateOnly, (long Exchanges, long Output)> Days { get; } = [];

        public Dictionary<(DateOnly, string), long> ModelDays { get; } = [];

        private readonly Dictionary<string, long> userAgents = new(StringComparer.Ordinal);
        private readonly Queue<string> prompts = new();

        public void Add(Exchange exchange, DashboardOptions options)
        {
            var day = DateOnly.FromDateTime(exchange.Timestamp.UtcDateTime);
            var sum = Days.GetValueOrDefault(day);
            Days[day] = (sum.Exchanges + 1, sum.Output + exchange.OutputTokens);
            ModelDays[(day, exchange.Model)] = ModelDays.GetValueOrDefault((day, exchange.Model)) + 1;
            if (exchange.UserAgent is { } agent && (userAgents.ContainsKey(agent) || userAgents.Count < options.UserAgentsPerAccount))
            {
                userAgents[agent] = userAgents.GetValueOrDefault(agent) + 1;
            }

            if (options.PromptsPerAccount > 0)
            {
                prompts.Enqueue(exchange.Prompt.Length > options.PromptGlimpseLength ? exchange.Prompt[..options.PromptGlimpseLength] + "…" : exchange.Prompt);
                while (prompts.Count > options.PromptsPerAccount)
                {
                    prompts.Dequeue();
                }
            }
        }

        public AccountActivity Snapshot() => new(
            [.. Days.OrderBy(d => d.Key).Select(d => new DailyCount(d.Key, d.Value.Exchanges, d.Value.Output))],
            [.. ModelDays.OrderBy(m => m.Key.Item1).Select(m => new ModelDay(m.Key.Item1, m.Key.Item2, m.Value))],
            [.. userAgents.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal).Select(u => new NamedCount(u.Key, u.Value))],
            [.. prompts]);
    }
}
