using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// Heavy users of agentic coding tools (<c>coder</c>): long tool-use sessions, large contexts,
/// extended thinking, high caps, working hours with late nights, often from cloud dev boxes.
/// </summary>
internal static class CoderPopulation
{
    public const string Kind = "coder";

    public static void Generate(SimContext ctx)
    {
        CoderSpec spec = ctx.Spec.Coders;
        Random rng = ctx.NewStream();
        int made = 0;
        while (made < spec.Accounts)
        {
            // Small companies buy seats for a few developers; most coders pay for themselves.
            int seats = rng.Chance(0.3) ? Math.Min(rng.Next(2, 7), spec.Accounts - made) : 1;
            (double tz, string country) = Identities.HomeZone(rng);
            string? org = seats > 1 ? Identities.OrganizationId(rng) : null;
            string payment = Identities.PaymentFingerprint(rng);
            string domain = seats > 1 || rng.Chance(0.3) ? Identities.CompanyDomain(rng) : Identities.ConsumerDomain(rng);
            DateTimeOffset? firstSeat = null;
            for (int i = 0; i < seats; i++, made++)
            {
                Endpoint home = Networks.ResidentialIn(rng, country).RandomEndpoint(rng);
                Endpoint box = rng.Pick(Networks.Cloud).RandomEndpoint(rng);
                Endpoint[] endpoints = rng.NextDouble() switch
                {
                    < 0.35 => [box],
                    < 0.6 => [box, home],
                    < 0.85 => [home],
                    _ => [home, box],
                };
                // Drawn for every seat, bulk or not, so the streams after it stay as they were.
                DateTimeOffset created = rng.Chance(0.1)
                    ? ctx.Spec.Start.AddDays(-rng.Uniform(0.2, 6))
                    : Identities.CreatedBefore(rng, ctx.Spec.Start, 20, 700);
                firstSeat ??= created;
                if (org is not null && Identities.ProvisionsInBulk(org))
                {
                    created = Identities.BulkSeat(firstSeat.Value, i);
                }

                string[] uas = rng.Chance(0.3) ? [UserAgents.CodingTool(rng), UserAgents.CodingTool(rng)] : [UserAgents.CodingTool(rng)];
                var draft = new AccountDraft(Kind, created, domain, payment, endpoints, uas, tz, OrganizationId: org);
                Emit(ctx.NewAccount(draft), ctx, spec);
            }
        }
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, CoderSpec spec)
    {
        Random rng = traffic.Rng;
        var shape = new CallShape(
            Model: rng.Chance(0.65) ? Models.Large : Models.Medium,
            SystemPrompt: rng.Pick(SystemPrompts.CodingAgents),
            OutputMedian: rng.LogNormal(380, 0.3),
            OutputSigma: 0.9,
            MaxTokens: rng.Pick(new long?[] { 16384, 32000, 32000, 64000 }),
            Temperature: rng.Chance(0.7) ? null : 1.0,
            ThinkingShare: rng.Uniform(0.3, 0.95),
            ReasoningMedian: rng.LogNormal(700, 0.4),
            ToolsDeclared: rng.Next(5, 41),
            ToolCallShare: rng.Uniform(0.7, 0.92),
            SendsConversation: true);
        double intensity = rng.LogNormal(1, 0.5);
        var agentTasks = new AgentTaskPrompts();
        ScenarioSpec s = ctx.Spec;
        int forcedDay = rng.Next(s.Days);
        for (int day = 0; day < s.Days; day++)
        {
            DateTimeOffset dayStart = s.Start.AddDays(day).AddHours(-traffic.Account.UtcOffsetHours);
            DateTime local = dayStart.UtcDateTime.AddHours(traffic.Account.UtcOffsetHours);
            bool weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            int sessions = rng.Poisson(spec.SessionsPerWorkday * intensity * (weekend ? 0.3 : 1.0));
            if (day == forcedDay && sessions == 0)
            {
                sessions = 1; // every simulated coder shows up at least once
            }

            for (int k = 0; k < sessions; k++)
            {
                DateTimeOffset start = Rhythm.Work.Sample(rng, dayStart, dayStart.AddDays(1), traffic.Account.UtcOffsetHours);
                int turns = rng.LogNormalInt(spec.MedianTurns, 0.8, 10, 200);
                string task = rng.Chance(0.85) ? agentTasks.Next(rng).Text : Grammar.Coding(rng);
                AgentSessions.Play(traffic, start, task, shape, turns);
            }
        }
    }
}
