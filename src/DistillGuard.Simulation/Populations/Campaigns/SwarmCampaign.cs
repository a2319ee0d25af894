using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// A swarm of throw-away accounts: each is signed up minutes to hours before its first call, sends a handful of
/// single-turn requests within an hour or two and is never used again; all of them are born in one wave of a few
/// days. They share no card, address, network, e-mail domain or organisation: each is a stranger on a home line
/// somewhere. What ties them together is the operator's frame around the items it sweeps (a few phrasings of an
/// opening and of a closing that asks for the reasoning, <see cref="FramedBySlots"/>) and their timing.
/// </summary>
internal static class SwarmCampaign
{
    public const string Kind = "swarm";

    public static void Generate(SimContext ctx, CampaignSpec spec)
    {
        Random rng = ctx.NewStream();
        string campaignId = ctx.NextCampaignId();
        Random playbook = ctx.OperatorStream(rng);
        IWrapper frame = FramedBySlots.Draw(playbook);
        IPromptSource dataset = ctx.Prompts.Capability.Sweep(rng);
        double waveDays = rng.Uniform(2, 4);
        DateTimeOffset waveStart = ctx.Spec.Start.AddDays(rng.Uniform(0, Math.Max(0, ctx.Spec.Days - waveDays)));
        for (int i = 0; i < spec.Accounts; i++)
        {
            (double tz, string country) = Identities.HomeZone(rng);
            DateTimeOffset firstCall = waveStart.AddDays(rng.Uniform(0, waveDays));
            DateTimeOffset created = firstCall.AddHours(-rng.Uniform(0.05, 8));
            var draft = new AccountDraft(Kind, created, Identities.ConsumerDomain(rng), Identities.PaymentFingerprint(rng),
                [Networks.ResidentialIn(rng, country).RandomEndpoint(rng)], [rng.Chance(0.5) ? UserAgents.Sdk(rng) : UserAgents.ConsumerSdk(rng)], tz, CampaignId: campaignId);
            Emit(ctx.NewAccount(draft), spec, firstCall, frame, dataset);
        }
    }

    private static void Emit(AccountTraffic traffic, CampaignSpec spec, DateTimeOffset firstCall, IWrapper frame, IPromptSource dataset)
    {
        Random rng = traffic.Rng;
        var shape = new CallShape(Models.Large, null, rng.LogNormal(1200, 0.3), 0.6, rng.Pick(new long?[] { 8192, 16000 }), null,
            rng.Uniform(0.4, 0.7), rng.LogNormal(4000, 0.4), null, 0, SendsConversation: true);
        int calls = Math.Max(3, rng.Poisson(spec.DailyRate));
        DateTimeOffset t = firstCall;
        for (int k = 0; k < calls; k++)
        {
            traffic.Call(t, frame.Wrap(rng, dataset.Next(rng).Text), shape);
            t = t.AddSeconds(rng.LogNormal(300, 0.6));
        }
    }
}
