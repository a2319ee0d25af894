using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// An agent that harvests: sessions as deep as a heavy coder's, tool results fed back turn after turn, but every
/// session opens a fresh, unrelated dataset item behind the same agent preamble, a few dozen sessions a day, round
/// the clock. Aged accounts on addresses of their own (no shared subnet); each card pays for about three accounts,
/// and some accounts pay with a card of their own. Nothing in one session refers to another.
/// </summary>
internal static class AgentHarvestCampaign
{
    public const string Kind = "agent-harvest";

    // Written for the simulator; none is taken from an outside log. An operator's preamble is one of each part.
    private static readonly string[] Roles =
    [
        "You are a coding agent with shell and editor tools.", "Act as an autonomous assistant.", "You are an AI agent operating in a sandbox.",
        "You are a self-directed problem solver with tool access.", "You are a tireless research agent.", "Operate as an independent task runner.",
    ];

    private static readonly string[] Instructions =
    [
        "Work autonomously until the task below is complete.", "Make a plan, call tools as needed, and stop only when the task is solved.",
        "Use the available tools step by step to finish the assignment.", "Think, act, observe, and repeat until done.",
        "Never ask the user for help; use your tools instead.", "Record each intermediate result before moving on.",
    ];

    private static readonly string[] TaskLabels = ["Task:", "Assignment:", "Objective:", "Goal:", "Job:", "Work item:"];

    public static void Generate(SimContext ctx, CampaignSpec spec)
    {
        Random rng = ctx.NewStream();
        string campaignId = ctx.NextCampaignId();
        Random playbook = ctx.OperatorStream(rng);
        string preamble = playbook.Pick(Roles) + " " + playbook.Pick(Instructions) + "\n\n" + playbook.Pick(TaskLabels) + " ";
        int tools = playbook.Next(6, 20);
        IPromptSource dataset = ctx.Prompts.Capability.Sweep(rng);
        int cards = Math.Max(1, (int)Math.Round(spec.Accounts / 3.0));
        string[] payments = [.. Enumerable.Range(0, cards).Select(_ => Identities.PaymentFingerprint(rng))];
        string[] uas = [UserAgents.CodingTool(rng), UserAgents.Sdk(rng)];
        for (int i = 0; i < spec.Accounts; i++)
        {
            (double tz, string country) = Identities.HomeZone(rng);
            Endpoint home = (rng.Chance(0.5) ? Networks.ResidentialIn(rng, country) : rng.Pick(Networks.Cloud)).RandomEndpoint(rng);
            string payment = rng.Chance(0.85) ? payments[i % payments.Length] : Identities.PaymentFingerprint(rng);
            var draft = new AccountDraft(Kind, Identities.CreatedBefore(rng, ctx.Spec.Start, 40, 300), Identities.ConsumerDomain(rng),
                payment, [home], [rng.Pick(uas)], tz, CampaignId: campaignId);
            var shape = new CallShape(Models.Large, null, rng.LogNormal(900, 0.3), 0.8, rng.Pick(new long?[] { 16000, 32000 }), null,
                rng.Uniform(0.5, 0.8), rng.LogNormal(2500, 0.3), tools, rng.Uniform(0.8, 0.95), SendsConversation: true);
            Emit(ctx.NewAccount(draft), ctx, spec, shape, preamble, dataset);
        }
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, CampaignSpec spec, CallShape shape, string preamble, IPromptSource dataset)
    {
        Random rng = traffic.Rng;
        double sessionsPerDay = rng.LogNormal(spec.DailyRate, 0.25);
        DateTimeOffset t = ctx.Spec.Start.AddSeconds(rng.Uniform(0, 86_400 / sessionsPerDay));
        while (t < ctx.Spec.End)
        {
            t = AgentSessions.Play(traffic, t, preamble + dataset.Next(rng).Text, shape, rng.LogNormalInt(10, 0.4, 4, 30));
            t = t.AddSeconds(-(86_400 / sessionsPerDay) * Math.Log(1 - rng.NextDouble()));
        }
    }
}
