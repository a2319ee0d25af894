using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// Agentic-trajectory harvesting: short tool-use sessions, each on a new software task,
/// maximal caps and reasoning, round the clock from cloud hosts, payment shared by some accounts,
/// accounts registered in batches by a sign-up script.
/// Its clients and system prompts are the ones organic coders use.
/// </summary>
internal static class AgenticCampaign
{
    public const string Kind = "agentic";

    public static void Generate(SimContext ctx, CampaignSpec spec)
    {
        Random rng = ctx.NewStream();
        var op = new Operator(rng, ctx.NextCampaignId(), Networks.Cloud, paymentCount: rng.Next(2, 5), subnetCount: rng.Next(2, 4), ctx.OperatorSignups(spec.Accounts, spanDays: 44));
        IPromptSource tasks = (ctx.Prompts.AgentTasks).Sweep(rng);
        Random playbook = ctx.OperatorStream(rng);
        string system = playbook.Pick(SystemPrompts.CodingAgents);
        int tools = playbook.Next(8, 25);
        string[] uas = [UserAgents.CodingTool(rng), UserAgents.Sdk(rng)];
        for (int i = 0; i < spec.Accounts; i++)
        {
            var draft = new AccountDraft(Kind, op.Signups.CreatedBefore(rng, ctx.Spec.Start, 1, 45), op.EmailDomain(rng), op.Payment(rng, 0.6),
                op.ProxyEndpoints(rng, rng.Next(1, 3)), [rng.Pick(uas)], 0, CampaignId: op.CampaignId);
            var shape = new CallShape(Models.Large, system, rng.LogNormal(600, 0.2), 0.8, rng.Pick(new long?[] { 32000, 64000 }), null,
                rng.Uniform(0.85, 1.0), rng.LogNormal(2500, 0.3), tools, rng.Uniform(0.75, 0.9), SendsConversation: true);
            Emit(ctx.NewAccount(draft), ctx, spec, shape, tasks);
        }
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, CampaignSpec spec, CallShape shape, IPromptSource tasks)
    {
        Random rng = traffic.Rng;
        double sessionsPerDay = rng.LogNormal(spec.DailyRate, 0.3) / 5.0;
        DateTimeOffset t = ctx.Spec.Start.AddSeconds(rng.Uniform(0, 86_400 / sessionsPerDay));
        while (t < ctx.Spec.End)
        {
            t = AgentSessions.Play(traffic, t, tasks.Next(rng).Text, shape, rng.Next(2, 9));
            t = t.AddSeconds(-(86_400 / sessionsPerDay) * Math.Log(1 - rng.NextDouble()));
        }
    }
}
