using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// A "hydra" operator: many young accounts, registered in batches by a sign-up script, on proxy addresses, a few shared payment
/// instruments, round-the-clock single-turn sweeps of a dataset wrapped in a few fixed
/// chain-of-thought templates; banned or exhausted accounts are replaced within hours.
/// The paraphrase and cover-traffic styles run on the same infrastructure (<see cref="Run"/>).
/// </summary>
internal static class HydraCampaign
{
    public const string Kind = "hydra";

    public static void Generate(SimContext ctx, CampaignSpec spec) => Run(ctx, spec, Kind, FixedKit, withCover: false);

    /// <summary>
    /// One or two public chain-of-thought templates and one or two of the operator's own; the operator
    /// keeps its own wrappers' intent everywhere, but each provider sees them in its own phrasing.
    /// </summary>
    public static IWrapper[] FixedKit(Random playbook, Random local) =>
    [
        .. FixedWrapper.Templates.OrderBy(_ => playbook.Next()).Take(playbook.Next(1, 3)).Select(t => new FixedWrapper(t)),
        .. Enumerable.Range(0, playbook.Next(1, 3)).Select(_ => HouseStyle.Draw(playbook)).ToArray().Select(h => h.Phrased(local)),
    ];

    /// <summary>
    /// The hydra operator with the wrappers <paramref name="kit"/> makes from its playbook and the provider's
    /// stream; with <paramref name="withCover"/>, each account mixes in ordinary users' conversations at the
    /// spec's <see cref="CampaignSpec.OrganicShare"/>. Streams are drawn in the same order whatever the kit.
    /// </summary>
    public static void Run(SimContext ctx, CampaignSpec spec, string kind, Func<Random, Random, IWrapper[]> kit, bool withCover)
    {
        Random rng = ctx.NewStream();
        var op = new Operator(rng, ctx.NextCampaignId(), Networks.VpnAndProxy, paymentCount: rng.Next(2, 5) + (spec.Accounts / 12), subnetCount: rng.Next(2, 5), ctx.OperatorSignups(spec.Accounts, spanDays: ctx.Spec.Days + 5.5));
        IWrapper[] wrappers = kit(ctx.OperatorStream(rng), rng);
        IPromptSource dataset = ctx.Prompts.Capability.Sweep(rng);
        string[] uas = [UserAgents.Sdk(rng), UserAgents.Sdk(rng)];
        CallShape shape = SweepShape(rng);

        ScenarioSpec s = ctx.Spec;
        // On a release, the operator moves its whole sweep to the new model within a day.
        (DateTimeOffset At, string Model)? pivot = s.Release is { } release
            ? (s.Start.AddDays(release.Day).AddHours(rng.Uniform(2, 20)), release.Model)
            : null;
        var plan = new SweepPlan(spec.DailyRate, shape, wrappers, dataset, pivot);
        for (int slot = 0; slot < spec.Concurrent; slot++)
        {
            int lives = (spec.Accounts / spec.Concurrent) + (slot < spec.Accounts % spec.Concurrent ? 1 : 0);
            double lifeHours = s.Days * 24.0 / Math.Max(1, lives);
            DateTimeOffset t = s.Start.AddHours(-rng.Uniform(0, lifeHours * 0.5));
            for (int life = 0; life < lives; life++)
            {
                DateTimeOffset end = life == lives - 1 ? s.End : t.AddHours(lifeHours * rng.Uniform(0.6, 1.4));
                var draft = new AccountDraft(kind, op.Signups.CreatedBefore(rng, t, 0.5, 6), op.EmailDomain(rng), op.Payment(rng, 0.75),
                    op.ProxyEndpoints(rng, rng.Next(1, 4)), [rng.Pick(uas)], 0, CampaignId: op.CampaignId);
                AccountTraffic traffic = ctx.NewAccount(draft);
                CoverTraffic? cover = withCover ? CoverTraffic.For(traffic, ctx, spec.OrganicShare) : null;
                Sweep(traffic, t, end, plan, cover);
                t = end.AddHours(rng.Uniform(0.3, 6));
            }
        }
    }

    /// <summary>How a sweeping script calls: long answers with thinking, a cap set, single turns mostly.</summary>
    public static CallShape SweepShape(Random rng) => new(
        Model: rng.Chance(0.85) ? Models.Large : Models.Medium,
        SystemPrompt: rng.Chance(0.5) ? rng.Pick(SystemPrompts.Assistants) : null,
        OutputMedian: rng.LogNormal(900, 0.25),
        OutputSigma: 0.6,
        MaxTokens: rng.Pick(new long?[] { 4096, 8192, 16000, 32000 }),
        Temperature: rng.Pick(new double?[] { null, 0.7, 1.0 }),
        ThinkingShare: rng.Uniform(0.6, 1.0),
        ReasoningMedian: rng.LogNormal(1500, 0.3),
        ToolsDeclared: null,
        ToolCallShare: 0,
        SendsConversation: rng.Chance(0.4),
        RefusalRate: 0.01);

    private static void Sweep(AccountTraffic traffic, DateTimeOffset from, DateTimeOffset to, SweepPlan plan, CoverTraffic? cover)
    {
        Random rng = traffic.Rng;
        double meanGap = 86_400 / rng.LogNormal(plan.DailyRate, 0.3);
        DateTimeOffset t = from.AddSeconds(rng.Uniform(0, meanGap));
        bool emitted = false;
        while (t < to || !emitted)
        {
            if (cover is null || !cover.Due)
            {
                string prompt = rng.Pick(plan.Wrappers).Wrap(rng, plan.Dataset.Next(rng).Text);
                traffic.Call(t, prompt, plan.Pivot is { } p && t >= p.At ? plan.Shape with { Model = p.Model } : plan.Shape);
                cover?.CountHarvest();
            }
            else
            {
                cover.Play(t);
            }

            emitted |= traffic.Sink.InWindow(t);
            t = t.AddSeconds(-meanGap * Math.Log(1 - rng.NextDouble()));
            if (t >= traffic.Sink.End)
            {
                break;
            }
        }
    }

    /// <summary>What every account of one operator sweeps, and how.</summary>
    private sealed record SweepPlan(
        double DailyRate, CallShape Shape, IWrapper[] Wrappers, IPromptSource Dataset, (DateTimeOffset At, string Model)? Pivot);
}
