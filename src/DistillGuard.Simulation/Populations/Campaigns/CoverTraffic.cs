using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// Ordinary users' conversations an operator mixes into one account to dilute its harvest: prompts
/// from the organic source (the procedural chat generator or the organic corpus), played with the
/// casual users' call shape and follow-ups. Keeps the account's cover at its drawn share of exchanges.
/// </summary>
internal sealed class CoverTraffic(AccountTraffic traffic, IPromptSource prompts, CallShape shape, double share)
{
    private const int MaxTurns = 25;
    private long covered;
    private long harvested;

    /// <summary>Cover for one account: its share drawn from <paramref name="range"/>, its call shape from its own client.</summary>
    public static CoverTraffic For(AccountTraffic traffic, SimContext ctx, ShareRange range)
    {
        Random rng = traffic.Rng;
        double share = rng.Uniform(range.Min, range.Max);
        return new CoverTraffic(traffic, ctx.Prompts.OrganicChat, CasualPopulation.Shape(rng, traffic.Account.UserAgents[0]), share);
    }

    /// <summary>True while cover is below its share of the account's exchanges so far.</summary>
    public bool Due => covered < share * (covered + harvested);

    public void CountHarvest() => harvested++;

    /// <summary>Plays one cover conversation starting at <paramref name="at"/>.</summary>
    public void Play(DateTimeOffset at) =>
        covered += Conversations.Play(traffic, at, prompts.Next(traffic.Rng), shape, MaxTurns).Turns;
}
