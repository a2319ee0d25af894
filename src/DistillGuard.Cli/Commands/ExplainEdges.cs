using System.Globalization;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using Spectre.Console;
using static DistillGuard.Cli.Commands.ConsoleText;

namespace DistillGuard.Cli.Commands;

/// <summary>The evidence edges part of `explain`: which accounts, by what, how strongly, and how rare the shared value is.</summary>
internal static class ExplainEdges
{
    private const int CampaignEdgesShown = 25;
    private const int LeavingEdgesShown = 10;

    /// <summary>One account's stored edges, strongest partner first.</summary>
    public static void ForAccount(AccountEdges? edges)
    {
        if (edges is null || edges.Edges.Count == 0)
        {
            AnsiConsole.Write(new Text("link evidence: none stored (the account was not linked to another)\n"));
            return;
        }

        AnsiConsole.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"link evidence: shares evidence with {edges.Partners:N0} accounts; {Kept(edges)}\n")));
        var table = new Table().AddColumns("to account", "evidence", "weight", "pair strength", "value (keyed hash)", "how rare");
        foreach (var e in edges.Edges)
        {
            table.AddRow(Cell(e.Other.Value), Cell(LinkKinds.Describe(e.Kind)), Cell(Number(e.Weight)), Cell(Number(e.PairStrength)), Cell(ValueText(e)), Cell(Rarity(e)));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>A campaign's edges: a summary by kind, the strongest edges among members, and the strongest leaving the campaign.</summary>
    public static void ForCampaign(IReadOnlyList<AccountId> members, IReadOnlyList<AccountEdges> stored)
    {
        if (stored.Count == 0)
        {
            AnsiConsole.Write(new Text("link evidence: none stored for this campaign's accounts\n"));
            return;
        }

        var inside = members.ToHashSet();
        var all = stored.SelectMany(a => a.Edges).ToArray();
        // A pair inside the campaign may be stored from either end (or both): count it once.
        var internalEdges = all
            .Where(e => inside.Contains(e.Other))
            .Select(e => string.CompareOrdinal(e.Account.Value, e.Other.Value) < 0 ? e : e with { Account = e.Other, Other = e.Account })
            .DistinctBy(e => (e.Account, e.Other, e.Kind, e.Value))
            .ToArray();
        var summary = new Table().AddColumns("evidence among the campaign's accounts", "pairs", "accounts", "distinct values", "most ordinary carriers of one value");
        // Kinds by the weight their edges carry (the run's own kind weights, stored with each edge).
        foreach (var kind in internalEdges.GroupBy(e => e.Kind).OrderByDescending(g => g.Sum(e => e.Weight)))
        {
            summary.AddRow(
                Cell(LinkKinds.Describe(kind.Key)),
                Cell(kind.Count().ToString("N0", CultureInfo.InvariantCulture)),
                Cell(kind.SelectMany(e => new[] { e.Account, e.Other }).Distinct().Count().ToString("N0", CultureInfo.InvariantCulture)),
                Cell(kind.Key is LinkKind.Lockstep or LinkKind.Succession ? "—" : kind.Select(e => e.Value).Distinct().Count().ToString("N0", CultureInfo.InvariantCulture)),
                Cell(kind.Max(e => e.Rarity.OrdinaryCarriers).ToString("N0", CultureInfo.InvariantCulture)));
        }

        var cut = stored.Count(a => a.KeptPartners < a.Partners);
        AnsiConsole.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"link evidence: edges stored for {stored.Count:N0} of {members.Count:N0} accounts; the store keeps up to {Bound} edges per account, its strongest partners' ({cut:N0} accounts had more partners)\n")));
        AnsiConsole.Write(summary);
        Edges("strongest edges inside the campaign", internalEdges, CampaignEdgesShown);
        Edges("strongest edges to accounts outside the campaign", all.Where(e => !inside.Contains(e.Other)).ToArray(), LeavingEdgesShown);
    }

    private static void Edges(string title, LinkEdge[] edges, int shown)
    {
        if (edges.Length == 0)
        {
            AnsiConsole.Write(new Text(title + ": none\n"));
            return;
        }

        var table = new Table().AddColumns("account", "to account", "evidence", "weight", "pair strength", "how rare");
        foreach (var e in edges.OrderByDescending(e => e.PairStrength).ThenByDescending(e => e.Weight).ThenBy(e => e.Account).ThenBy(e => e.Other).Take(shown))
        {
            table.AddRow(Cell(e.Account.Value), Cell(e.Other.Value), Cell(LinkKinds.Describe(e.Kind)), Cell(Number(e.Weight)), Cell(Number(e.PairStrength)), Cell(Rarity(e)));
        }

        AnsiConsole.Write(new Text(string.Create(CultureInfo.InvariantCulture, $"{title} ({Math.Min(shown, edges.Length)} of {edges.Length:N0}):\n")));
        AnsiConsole.Write(table);
    }

    /// <summary>The bound the analysis stores with (the linker's default).</summary>
    private static int Bound => new LinkerOptions().MaxEdgesPerAccount;

    private static string Kept(AccountEdges edges) => edges.KeptPartners < edges.Partners
        ? string.Create(CultureInfo.InvariantCulture, $"the strongest {edges.KeptPartners} are stored and shown ({edges.Partners - edges.KeptPartners:N0} weaker ones are not stored)")
        : string.Create(CultureInfo.InvariantCulture, $"all shown (the store keeps up to {Bound} edges per account, strongest partners first)");

    /// <summary>How rare the shared value or pattern is, in words.</summary>
    public static string Rarity(LinkEdge e)
    {
        var r = e.Rarity;
        var ordinary = string.Create(CultureInfo.InvariantCulture,
            $"{r.OrdinaryShare:0.00%} of ordinary accounts ({r.OrdinaryCarriers:N0} of {r.OrdinaryPopulation:N0})");
        return e.Kind switch
        {
            LinkKind.Lockstep => string.Create(CultureInfo.InvariantCulture,
                $"estimated Jaccard {e.Detail:0.00} of active hours; {r.Carriers:N0} accounts share the hour pattern, {ordinary}"),
            LinkKind.Succession => string.Create(CultureInfo.InvariantCulture,
                $"one began {e.Detail:0.0} h after the other's last call, on a value carried by {r.Carriers:N0} accounts, {ordinary}"),
            LinkKind.SignupBurst => string.Create(CultureInfo.InvariantCulture,
                $"both created in the half hour from {LinkKinds.SignupBucketStart(e.Value):yyyy-MM-dd HH:mm} UTC, with {r.Carriers - 2:N0} other accounts; {ordinary} were created in it"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"shared with {r.Carriers - 1:N0} other accounts; carried by {ordinary}"),
        };
    }

    private static string ValueText(LinkEdge e) => e switch
    {
        { Value: 0 } => "—",
        { Kind: LinkKind.SignupBurst } when LinkKinds.SignupBucketStart(e.Value) is { } start => start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => e.Value.ToString("x16", CultureInfo.InvariantCulture)[..10],
    };

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
