using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// Everyday chat users (<c>casual</c>), including the hard negatives among them: teams sharing
/// payment and an office IP, a university NAT, VPN exits, students asking for step-by-step
/// answers and accounts created during the period.
/// </summary>
internal static class CasualPopulation
{
    public const string Kind = "casual";

    private static readonly long?[] MaxTokenChoices = [null, null, null, null, 1024, 2048, 4096, 4096, 8192, 16384, 32000];
    private static readonly double?[] TemperatureChoices = [null, null, null, null, 0.7, 1.0, 0.5, 0.2];

    public static void Generate(SimContext ctx)
    {
        CasualSpec spec = ctx.Spec.Casual;
        Random rng = ctx.NewStream();
        var homework = new HomeworkPrompts(ctx.Prompts.Capability);
        int made = 0;

        for (int team = 0; team < spec.Teams && made < spec.Accounts; team++)
        {
            made += GenerateTeam(ctx, rng, Math.Min(rng.Next(3, 16), spec.Accounts - made), homework);
        }

        Endpoint nat = rng.Pick(Networks.University).RandomEndpoint(rng);
        for (int i = 0; i < spec.NatAccounts && made < spec.Accounts; i++, made++)
        {
            bool universityMail = rng.Chance(0.7);
            GenerateOne(ctx, rng, homework, [nat], nat.Country, tz: ZoneOf(nat.Country),
                email: universityMail ? Identities.UniversityDomain(rng, nat.Country) : null, studentBoost: 0.25);
        }

        Endpoint[][] vpnExits = [.. Enumerable.Range(0, 3).Select(_ => VpnExit(rng))];
        for (int i = 0; i < spec.VpnAccounts && made < spec.Accounts; i++, made++)
        {
            (double tz, string country) = Identities.HomeZone(rng);
            Endpoint[] exit = rng.Pick(vpnExits);
            Endpoint home = Networks.ResidentialIn(rng, country).RandomEndpoint(rng);
            Endpoint[] endpoints = rng.Chance(0.75) ? exit : [.. exit, home];
            GenerateOne(ctx, rng, homework, endpoints, country, tz, email: null, studentBoost: 0);
        }

        for (; made < spec.Accounts; made++)
        {
            (double tz, string country) = Identities.HomeZone(rng);
            Endpoint home = Networks.ResidentialIn(rng, country).RandomEndpoint(rng);
            Endpoint[] endpoints = rng.Chance(0.3) ? [home, Networks.ResidentialIn(rng, country).RandomEndpoint(rng)] : [home];
            GenerateOne(ctx, rng, homework, endpoints, country, tz, email: null, studentBoost: 0);
        }
    }

    /// <summary>Colleagues: one organisation, one payment instrument, one office address.</summary>
    private static int GenerateTeam(SimContext ctx, Random rng, int size, IPromptSource homework)
    {
        (double tz, string country) = Identities.HomeZone(rng);
        Endpoint office = Networks.ResidentialIn(rng, country).RandomEndpoint(rng);
        string org = Identities.OrganizationId(rng), payment = Identities.PaymentFingerprint(rng), domain = Identities.CompanyDomain(rng);
        for (int i = 0; i < size; i++)
        {
            Endpoint[] endpoints = rng.Chance(0.5) ? [office] : [office, Networks.ResidentialIn(rng, country).RandomEndpoint(rng)];
            var draft = Draft(ctx, rng, endpoints, tz, domain) with { OrganizationId = org, PaymentFingerprint = payment };
            Emit(ctx.NewAccount(draft), ctx, homework, studentShare: 0.02, Rhythm.Work);
        }

        return size;
    }

    private static void GenerateOne(
        SimContext ctx, Random rng, IPromptSource homework, Endpoint[] endpoints, string country, double tz, string? email, double studentBoost)
    {
        _ = country;
        var draft = Draft(ctx, rng, endpoints, tz, email ?? Identities.ConsumerDomain(rng));
        Emit(ctx.NewAccount(draft), ctx, homework, ctx.Spec.Casual.StudentShare + studentBoost, Rhythm.Leisure);
    }

    private static AccountDraft Draft(SimContext ctx, Random rng, Endpoint[] endpoints, double tz, string email)
    {
        ScenarioSpec s = ctx.Spec;
        DateTimeOffset created = rng.Chance(s.Casual.YoungShare)
            ? s.Start.AddHours(rng.Uniform(-72, (s.Days * 24) - 12))
            : Identities.CreatedBefore(rng, s.Start, 5, 1100);
        string? payment = rng.Chance(0.6) ? Identities.PaymentFingerprint(rng) : null;
        string ua = UserAgents.Consumer(rng);
        string[] uas = rng.Chance(0.35) ? [ua, UserAgents.Consumer(rng)] : [ua];
        return new AccountDraft(Kind, created, email, payment, endpoints, uas, tz);
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, IPromptSource homework, double studentShare, Rhythm rhythm)
    {
        Random rng = traffic.Rng;
        bool student = rng.Chance(studentShare);
        CallShape shape = Shape(rng, traffic.Account.UserAgents[0]);
        int budget = rng.LogNormalInt(ctx.Spec.Casual.MedianExchanges, 1.25, 1, 900);
        DateTimeOffset from = Max(ctx.Spec.Start, traffic.Account.CreatedAt.AddMinutes(rng.Uniform(2, 240)));
        if (from >= ctx.Spec.End)
        {
            from = ctx.Spec.End.AddHours(-rng.Uniform(1, 12));
        }

        while (budget > 0)
        {
            PromptItem item = student && rng.Chance(0.6) ? homework.Next(rng) : ctx.Prompts.OrganicChat.Next(rng);
            DateTimeOffset start = rhythm.Sample(rng, from, ctx.Spec.End, traffic.Account.UtcOffsetHours);
            budget -= Conversations.Play(traffic, start, item, shape, budget).Turns;
        }
    }

    /// <summary>
    /// How an everyday user calls the API through the client <paramref name="userAgent"/>: SDK users
    /// sometimes send a system prompt, caps and temperature are mostly left unset, answers are short.
    /// Shared with the populations that carry ordinary users' traffic (cover traffic, resellers' customers).
    /// </summary>
    public static CallShape Shape(Random rng, string userAgent)
    {
        bool sdk = !userAgent.StartsWith("Mozilla", StringComparison.Ordinal) && !userAgent.StartsWith("FrontierChat", StringComparison.Ordinal);
        return new CallShape(
            Model: rng.Pick([Models.Large, Models.Medium, Models.Medium, Models.Small]),
            SystemPrompt: sdk && rng.Chance(0.5) ? rng.Pick(SystemPrompts.Assistants) : null,
            OutputMedian: rng.LogNormal(320, 0.35),
            OutputSigma: 0.85,
            MaxTokens: rng.Pick(MaxTokenChoices),
            Temperature: rng.Pick(TemperatureChoices),
            ThinkingShare: rng.Chance(0.25) ? rng.Uniform(0.2, 0.9) : 0,
            ReasoningMedian: rng.LogNormal(500, 0.5),
            ToolsDeclared: null,
            ToolCallShare: 0,
            SendsConversation: true,
            RefusalRate: 0.006);
    }

    private static Endpoint[] VpnExit(Random rng)
    {
        AutonomousSystem asn = rng.Pick(Networks.VpnAndProxy);
        string subnet = asn.RandomSubnet(rng);
        return [.. Enumerable.Range(0, rng.Next(2, 5)).Select(_ => new Endpoint(
            subnet + "." + rng.Next(2, 254).ToString(System.Globalization.CultureInfo.InvariantCulture), asn.Asn, asn.Country))];
    }

    private static double ZoneOf(string country) => country switch
    {
        "GB" => 0, "DE" or "FR" or "CH" => 1, "CN" => 8, "AU" => 10, _ => -5,
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
