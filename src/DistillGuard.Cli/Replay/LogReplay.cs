namespace DistillGuard.Cli.Replay;

/// <summary>How replay paces and samples a log.</summary>
/// <param name="BatchSize">Records per POST.</param>
/// <param name="RelinkEvery">Simulated time between relinks (and looks at the campaigns the service holds).</param>
/// <param name="Speed">Simulated seconds per wall-clock second; 0 sends as fast as the service takes them.</param>
internal sealed record ReplayOptions(int BatchSize, TimeSpan RelinkEvery, double Speed)
{
    public static ReplayOptions Default { get; } = new(500, TimeSpan.FromHours(1), 0);

    public void Validate()
    {
        if (BatchSize < 1 || RelinkEvery <= TimeSpan.Zero || !(Speed >= 0) || double.IsInfinity(Speed))
        {
            throw new ArgumentException("--batch must be at least 1, --relink-every-hours above 0 and --speed a finite number of at least 0");
        }
    }
}

/// <summary>When the service first acted on one campaign's accounts, against when the campaign began.</summary>
/// <param name="FirstExchange">The earliest exchange of the campaign's accounts in the log.</param>
/// <param name="FirstFlagged">
/// The simulated time of the first look at which any of its accounts got an action other than allow (what <c>decide</c> would
/// answer); null if none ever did.
/// </param>
internal sealed record CampaignDetection(string CampaignId, int Accounts, DateTimeOffset FirstExchange, DateTimeOffset? FirstFlagged)
{
    public TimeSpan? TimeToDetection => FirstFlagged - FirstExchange;
}

/// <summary>The outcome of a replay: what the service counted, and each final campaign's time to detection.</summary>
internal sealed record ReplayOutcome(long Sent, long Accepted, long Rejected, long Duplicates, bool Relinked, IReadOnlyList<CampaignDetection> Campaigns);

/// <summary>Streams a log to a running service in timestamp order, in batches, relinking every simulated interval.</summary>
internal static class LogReplay
{
    public static async Task<ReplayOutcome> RunAsync(IReadOnlyList<TimedLine> lines, ServiceClient client, ReplayOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        options.Validate();
        var firstFlagged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var firstExchange = FirstExchanges(lines);
        long accepted = 0, rejected = 0, duplicates = 0, sent = 0;
        var relinked = true;
        DateTimeOffset? nextLook = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var start = lines.FirstOrDefault(l => l.At != DateTimeOffset.MinValue).At;
        foreach (var batch in lines.Chunk(options.BatchSize))
        {
            var now = batch[^1].At;
            if (options.Speed > 0 && now > start)
            {
                var due = TimeSpan.FromSeconds((now - start).TotalSeconds / options.Speed) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, ct);
                }
            }

            var reply = await client.PostAsync([.. batch.Select(l => l.Line)], ct);
            (accepted, rejected, duplicates, sent) = (accepted + reply.Accepted, rejected + reply.Rejected, duplicates + reply.Duplicates, sent + batch.Length);
            progress?.Report(sent);
            if (now == DateTimeOffset.MinValue)
            {
                continue;
            }

            nextLook ??= now + options.RelinkEvery;
            if (now >= nextLook)
            {
                relinked &= await LookAsync(client, now, firstFlagged, ct);
                nextLook = now + options.RelinkEvery;
            }
        }

        var end = lines.Count > 0 ? lines[^1].At : DateTimeOffset.MinValue;
        relinked &= await LookAsync(client, end, firstFlagged, ct);
        var final = await client.CampaignsAsync(ct) ?? [];
        var detections = final
            .Select(c => new CampaignDetection(
                c.CampaignId, c.Accounts.Count,
                c.Accounts.Select(a => firstExchange.GetValueOrDefault(a, DateTimeOffset.MaxValue)).Min(),
                c.Accounts.Where(firstFlagged.ContainsKey).Select(a => (DateTimeOffset?)firstFlagged[a]).Min()))
            .OrderByDescending(d => d.Accounts)
            .ThenBy(d => d.CampaignId, StringComparer.Ordinal)
            .ToArray();
        return new ReplayOutcome(sent, accepted, rejected, duplicates, relinked, detections);
    }

    /// <summary>Relinks (when the token may) and notes every account whose action is now other than allow for the first time.</summary>
    private static async Task<bool> LookAsync(ServiceClient client, DateTimeOffset now, Dictionary<string, DateTimeOffset> firstFlagged, CancellationToken ct)
    {
        var relinked = await client.RelinkAsync(ct);
        foreach (var account in await client.ActedAccountsAsync(ct) ?? [])
        {
            firstFlagged.TryAdd(account, now);
        }

        return relinked;
    }

    private static Dictionary<string, DateTimeOffset> FirstExchanges(IReadOnlyList<TimedLine> lines)
    {
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.At != DateTimeOffset.MinValue && l.Account is not null))
        {
            first.TryAdd(line.Account!, line.At);
        }

        return first;
    }
}
