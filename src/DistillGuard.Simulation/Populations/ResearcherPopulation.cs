using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// Academics running a public benchmark (<c>researcher</c>): a burst of single-turn capability
/// questions in one fixed harness template (often "think step by step"), temperature 0,
/// max_tokens set, sometimes against several models; little else.
/// </summary>
internal static class ResearcherPopulation
{
    public const string Kind = "researcher";

    private static readonly string[] Harnesses =
    [
        "{0}",
        "{0}",
        "Question: {0}\nAnswer: Let's think step by step.",
        "{0}\n\nThink step by step, then give your final answer after \"Answer:\".",
        "Solve the following problem. Show your reasoning step by step and put the final answer in \\boxed{}.\n\n{0}",
        "Q: {0}\nA:",
        "The following is a question. Answer it as accurately as possible.\n\n{0}",
    ];

    public static void Generate(SimContext ctx)
    {
        ResearcherSpec spec = ctx.Spec.Researchers;
        Random rng = ctx.NewStream();
        for (int i = 0; i < spec.Accounts; i++)
        {
            AutonomousSystem uni = rng.Pick(Networks.University);
            Endpoint[] endpoints = rng.Chance(0.7) ? [uni.RandomEndpoint(rng)] : [uni.RandomEndpoint(rng), rng.Pick(Networks.Cloud).RandomEndpoint(rng)];
            DateTimeOffset created = rng.Chance(0.25)
                ? ctx.Spec.Start.AddDays(-rng.Uniform(0.1, 5))
                : Identities.CreatedBefore(rng, ctx.Spec.Start, 10, 800);
            string email = rng.Chance(0.8) ? Identities.UniversityDomain(rng, uni.Country) : Identities.ConsumerDomain(rng);
            string? payment = rng.Chance(0.8) ? Identities.PaymentFingerprint(rng) : null;
            var draft = new AccountDraft(Kind, created, email, payment, endpoints, [UserAgents.Sdk(rng)], ZoneOf(uni.Country));
            Emit(ctx.NewAccount(draft), ctx, spec);
        }
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, ResearcherSpec spec)
    {
        Random rng = traffic.Rng;
        string harness = rng.Pick(Harnesses);
        int items = rng.LogNormalInt(spec.MedianBenchmarkItems, 0.6, 40, 2000);
        IPromptSource benchmark = ctx.Prompts.Capability.Sweep(rng);
        string[] questions = [.. Enumerable.Range(0, items).Select(_ => harness.Replace("{0}", benchmark.Next(rng).Text, StringComparison.Ordinal))];
        string[] models = rng.Chance(0.4) ? [.. Models.All.OrderBy(_ => rng.Next()).Take(rng.Next(2, 4))] : [rng.Pick(Models.All)];
        long maxTokens = rng.Pick(new long[] { 512, 1024, 2048, 4096, 8192, 16384, 32768 });
        double thinking = rng.Chance(0.3) ? 1 : 0;
        DateTimeOffset from = traffic.Account.CreatedAt > ctx.Spec.Start ? traffic.Account.CreatedAt : ctx.Spec.Start;
        DateTimeOffset t = Rhythm.Work.Sample(rng, from, ctx.Spec.End.AddDays(-0.5), traffic.Account.UtcOffsetHours);
        double pace = rng.LogNormal(6, 0.6);
        foreach (string model in models)
        {
            var shape = new CallShape(model, rng.Chance(0.3) ? SystemPrompts.Assistants[0] : null, rng.LogNormal(420, 0.4), 0.8,
                maxTokens, 0, thinking, 1200, null, 0, SendsConversation: false);
            foreach (string q in questions)
            {
                traffic.Call(t, q, shape);
                t = t.AddSeconds(rng.LogNormal(pace, 0.7));
            }

            t = t.AddMinutes(rng.Uniform(5, 600));
        }

        // A few ordinary questions outside the run.
        for (int k = rng.Next(0, 8); k > 0; k--)
        {
            var chat = new CallShape(rng.Pick(Models.All), null, 300, 0.8, null, null, 0, 0, null, 0, SendsConversation: true);
            DateTimeOffset at = Rhythm.Work.Sample(rng, from, ctx.Spec.End, traffic.Account.UtcOffsetHours);
            Conversations.Play(traffic, at, ctx.Prompts.OrganicChat.Next(rng), chat, 4);
        }
    }

    private static double ZoneOf(string country) => country switch
    {
        "GB" => 0, "DE" or "FR" or "CH" => 1, "CN" => 8, "AU" => 10, _ => -6,
    };
}
