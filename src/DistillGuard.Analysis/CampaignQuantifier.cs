using System.Globalization;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Storage;

namespace DistillGuard.Analysis;

/// <summary>Measures each campaign: accounts, exchanges, window, tokens, capabilities, models, timeline.</summary>
internal static class CampaignQuantifier
{
    public static IReadOnlyList<CampaignSummary> Summarise(ScoredAccounts scored, AccountTable table, IAnalysisStore? store, string runId, ApiPrices prices)
    {
        var flagged = scored.Verdicts.Accounts
            .Where(v => v.CampaignId is not null)
            .GroupBy(v => v.CampaignId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(v => v.AccountId).Order().ToArray());
        var mixedAccounts = scored.Features.Where(MixedTraffic.Is).Select(f => f.AccountId).ToHashSet();
        var campaigns = scored.Verdicts.Campaigns
            .Where(c => flagged.ContainsKey(c.CampaignId))
            .Select(c => (Assignment: c, Accounts: flagged[c.CampaignId]))
            .ToArray();
        // Every campaign's breakdown from the same few passes over the stored exchanges, not a pass per campaign.
        var breakdowns = store?.Breakdowns(runId, [.. campaigns.Select(c => (IReadOnlyList<AccountId>)c.Accounts)]);
        var summaries = new List<CampaignSummary>();
        for (var i = 0; i < campaigns.Length; i++)
        {
            var (assignment, accounts) = campaigns[i];

            var states = accounts.Select(a => table[a]).ToArray();
            long exchanges = states.Sum(s => s.Exchanges);
            var mix = new Dictionary<Capability, double>();
            foreach (var capability in Capabilities.All)
            {
                var count = states.Sum(s => (long)s.CapabilityCounts[(int)capability]);
                if (count > 0)
                {
                    mix[capability] = count / (double)Math.Max(1, exchanges);
                }
            }

            var models = states
                .SelectMany(s => s.Attributes.Top((int)AttributeKind.Model))
                .GroupBy(m => m.Key)
                .OrderByDescending(g => g.Sum(m => m.Count))
                .Select(g => table.ModelName(g.Key))
                .ToArray();
            var breakdown = breakdowns?[i];
            var members = accounts.ToHashSet();
            var input = states.Sum(s => s.InputTokens);
            var output = states.Sum(s => s.OutputTokens);
            var reasoning = states.Sum(s => s.ReasoningTokens);
            summaries.Add(new CampaignSummary(
                assignment.CampaignId,
                accounts,
                exchanges,
                new DateTimeOffset(states.Min(s => s.FirstTicks), TimeSpan.Zero),
                new DateTimeOffset(states.Max(s => s.LastTicks), TimeSpan.Zero),
                input,
                output,
                reasoning,
                mix,
                models,
                Evidence(assignment.Cluster.Evidence, PulledIn(accounts, scored.Verdicts, PullIn.BehaviouralTwin), PulledIn(accounts, scored.Verdicts, PullIn.SharedWording), accounts.Count(mixedAccounts.Contains), states, exchanges),
                breakdown?.Timeline ?? [])
            {
                EstimatedApiValueUsd = prices.Value(input, output, reasoning),
                Asns = breakdown?.Asns ?? [],
                Countries = breakdown?.Countries ?? [],
                ModelShifts = breakdown is null ? [] : ModelShifts.Detect(breakdown.ModelDays),
                Links = [.. assignment.Cluster.Links.Where(l => members.Contains(l.From) && members.Contains(l.To))],
            });
        }

        return summaries;
    }

    private static int PulledIn(IEnumerable<AccountId> accounts, VerdictSet verdicts, PullIn how) =>
        accounts.Count(a => verdicts.PulledIn.TryGetValue(a, out var kind) && kind == how);

    private static List<string> Evidence(IReadOnlyList<string> links, int twins, int wording, int mixed, AccountState[] states, long exchanges)
    {
        var evidence = new List<string>(links);
        if (twins > 0)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{twins} more accounts share no identity attribute with the campaign but match its accounts' request pattern on every behavioural dimension"));
        }

        if (wording > 0)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{wording} more accounts share no identity attribute with the campaign but keep repeating its wrapper's wording, which ordinary accounts do not repeat"));
        }

        if (mixed > 0)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{mixed} of {states.Length} accounts carry mixed traffic from many clients (reseller or proxy accounts): they carry other users' traffic besides the harvest"));
        }

        var eliciting = states.Sum(s => s.ReasoningElicitations) / (double)Math.Max(1, exchanges);
        var firstTurns = states.Sum(s => s.FirstTurns) / (double)Math.Max(1, exchanges);
        evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{eliciting:P0} of the campaign's prompts ask for the model's reasoning to be written out"));
        evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{firstTurns:P0} of its exchanges open a new, independent task"));
        return evidence;
    }
}
