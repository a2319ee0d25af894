using System.Globalization;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Keys;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

/// <summary>Synthetic indicator material for sharing tests; every generator takes a seeded <see cref="Random"/>.</summary>
internal static class Some
{
    public static readonly ProducerIdentity ProviderA = new("Provider A", "intel@provider-a.example");
    public static readonly ProducerIdentity ProviderB = new("Provider B");

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 15, 30, 123, TimeSpan.Zero);

    /// <summary>The operator's wrapper templates: a prefix and a suffix around each task.</summary>
    public static readonly IReadOnlyList<string> Wrappers =
    [
        "You are a meticulous senior software engineer. Think through the problem step by step, state every assumption you make, and explain your full reasoning before you give the final answer. Task: ... End with one line that starts with FINAL ANSWER and contains nothing else.",
        "Act as an expert mathematician preparing worked solutions for a textbook. Derive the result carefully, show each intermediate equation, check the edge cases, and justify every step in plain words. Problem: ... Put the final result in a box at the very end of your reply.",
        "You are an autonomous planning agent with access to tools. Break the goal into numbered sub tasks, choose a tool for each one, describe the expected observation, and revise the plan when an observation surprises you. Goal: ... Return the complete plan as a numbered list followed by a short critique of its weakest step.",
    ];

    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        ["meticulous"] = ["careful", "thorough"], ["senior"] = ["principal", "staff"], ["problem"] = ["question", "issue"],
        ["every"] = ["each", "any"], ["explain"] = ["describe", "lay out"], ["full"] = ["complete", "whole"],
        ["final"] = ["last", "concluding"], ["expert"] = ["skilled", "seasoned"], ["carefully"] = ["rigorously", "precisely"],
        ["show"] = ["write out", "display"], ["check"] = ["verify", "examine"], ["justify"] = ["defend", "support"],
        ["autonomous"] = ["independent", "self directed"], ["numbered"] = ["ordered", "enumerated"], ["choose"] = ["pick", "select"],
        ["describe"] = ["state", "outline"], ["revise"] = ["update", "adjust"], ["complete"] = ["entire", "full"],
    };

    private static readonly string[] Padding = ["please", "note", "ref", "id", "v2", "batch", "item", "thanks", "ok", "now"];

    private static readonly string[] Topics =
    [
        "how do I bake sourdough bread at home with a cast iron pot", "write a birthday poem for my grandmother who loves gardening",
        "what is the capital of australia and why is it not sydney", "summarise this email to my landlord about the broken heater",
        "suggest a weekend itinerary for lisbon with kids", "translate good morning my friends into spanish and french",
        "recommend three science fiction novels for a teenager", "what should I pack for a week of hiking in scotland in may",
        "help me write a cover letter for a junior accountant role", "why does my cat knock things off the table",
        "give me a vegetarian dinner recipe with chickpeas and spinach", "explain the offside rule in football simply",
        "draft a polite reply declining a meeting invitation", "what are good stretches after running",
        "how long should I boil an egg for a soft yolk", "ideas for a team building activity for twelve people",
    ];

    public static string Ipv4(Random r) => string.Create(CultureInfo.InvariantCulture, $"{r.Next(11, 223)}.{r.Next(0, 256)}.{r.Next(0, 256)}.{r.Next(1, 255)}");

    public static string Ipv6(Random r) => string.Join(':', Enumerable.Range(0, 8).Select(_ => r.Next(0x1000, 0xffff).ToString("x4", CultureInfo.InvariantCulture)));

    public static string Payment(Random r) => "pm_fp_" + Convert.ToHexStringLower(Bytes(r, 10));

    public static string EmailDomain(Random r) => "mx" + Convert.ToHexStringLower(Bytes(r, 4)) + "-mail.example";

    public static string UserAgent(Random r) => "harvest-client/" + r.Next(1, 9).ToString(CultureInfo.InvariantCulture) + "." + r.Next(0, 99).ToString(CultureInfo.InvariantCulture) + " (linux; " + Convert.ToHexStringLower(Bytes(r, 3)) + ")";

    public static AccountId Account(Random r, string prefix) => new(prefix + "-acct-" + Convert.ToHexStringLower(Bytes(r, 6)));

    public static SharingKey Key(int seed) => new(Bytes(new Random(seed), 32));

    /// <summary>A wrapper rewritten: about a third of the replaceable words swapped for synonyms, filler added at both ends.</summary>
    public static string Paraphrase(Random r, string wrapper)
    {
        var words = wrapper.Split(' ').Select(w =>
        {
            var bare = w.TrimEnd('.', ',', ':').ToLowerInvariant();
            return Synonyms.TryGetValue(bare, out var options) && r.NextDouble() < 0.35 ? options[r.Next(options.Length)] + w[bare.Length..] : w;
        });
        var head = string.Join(' ', Enumerable.Range(0, r.Next(1, 4)).Select(_ => Padding[r.Next(Padding.Length)]));
        var tail = string.Join(' ', Enumerable.Range(0, r.Next(1, 4)).Select(_ => Padding[r.Next(Padding.Length)]));
        return head + " " + string.Join(' ', words) + " " + tail;
    }

    /// <summary>An ordinary user's prompt.</summary>
    public static string OrganicPrompt(Random r) => Topics[r.Next(Topics.Length)] + (r.NextDouble() < 0.5 ? " thanks" : "");

    /// <summary>A campaign's material: many proxy IPs, a few payments and domains, one client, the wrappers themselves.</summary>
    public static CampaignIndicators CampaignMaterial(Random r, string campaignId, int accounts, IReadOnlyList<string>? userAgents = null) => new(
        new CampaignId(campaignId),
        Enumerable.Range(0, accounts * 2).Select(i => i % 5 == 0 ? Ipv6(r) : Ipv4(r)).ToList(),
        Enumerable.Range(0, 6).Select(_ => string.Create(CultureInfo.InvariantCulture, $"{r.Next(11, 223)}.{r.Next(0, 256)}.{r.Next(0, 256)}.0/24")).ToList(),
        [r.Next(1000, 65000), r.Next(1000, 65000)],
        Enumerable.Range(0, 3).Select(_ => Payment(r)).ToList(),
        Enumerable.Range(0, 2).Select(_ => EmailDomain(r)).ToList(),
        userAgents ?? [UserAgent(r)],
        Wrappers);

    public static CampaignSummary Summary(Random r, string campaignId, int accounts, DateTimeOffset firstSeen, TimeSpan length) => new(
        new CampaignId(campaignId),
        Enumerable.Range(0, accounts).Select(_ => Account(r, "a")).ToList(),
        accounts * 1200L,
        firstSeen,
        firstSeen + length,
        accounts * 900_000L,
        accounts * 2_400_000L,
        accounts * 800_000L,
        new Dictionary<Capability, double> { [Capability.Reasoning] = 0.45, [Capability.Coding] = 0.3, [Capability.Math] = 0.2, [Capability.Chat] = 0.05 },
        ["model-large"],
        ["shared payment fingerprint"],
        []);

    public static (CampaignSummary Summary, CampaignIndicators Indicators) Campaign(Random r, string campaignId, int accounts = 12) =>
        (Summary(r, campaignId, accounts, Start, TimeSpan.FromDays(9)), CampaignMaterial(r, campaignId, accounts));

    private static byte[] Bytes(Random r, int count)
    {
        var bytes = new byte[count];
        r.NextBytes(bytes);
        return bytes;
    }
}
