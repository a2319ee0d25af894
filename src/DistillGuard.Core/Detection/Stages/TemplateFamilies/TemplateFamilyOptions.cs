namespace DistillGuard.Core.Detection.Stages.TemplateFamilies;

/// <summary>Options of <see cref="TemplateFamilyStage"/>; each default says how it was chosen (docs/scoring.md, parameters).</summary>
public sealed record TemplateFamilyOptions
{
    /// <summary>
    /// Times an account must open a task in a frame before the frame counts as the account's: once is any prompt's
    /// opening words, twice is a habit. The same bar as a template link (<c>ValueIndex</c>).
    /// </summary>
    public int MinRecurrence { get; init; } = 2;

    /// <summary>
    /// Harvest-like accounts that must share a frame for it to mark a family, and that a family needs: three, as a
    /// sign-up burst needs (one account is nobody's campaign; two can be colleagues).
    /// </summary>
    public int MinAccounts { get; init; } = 3;

    /// <summary>
    /// Ordinary accounts that, opening tasks in a frame, make it ordinary: two, as for a phrase
    /// (<c>PhrasePullInOptions.OrdinaryMinAccounts</c>), so a public template or a popular tool's preamble that people use
    /// marks no family, while one person who happens to share an operator's phrasing does not wipe it.
    /// </summary>
    public int OrdinaryMinAccounts { get; init; } = 2;

    /// <summary>
    /// Width of a sign-up wave: an operator registers the accounts one run needs within days, while the users of one
    /// public frame or harness signed up over months and years (the simulator's organic accounts are created up to
    /// two years before they are seen).
    /// </summary>
    public TimeSpan SignupWave { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How unlikely a wave must be, at most, for independent accounts: the chance that as many of the family's accounts
    /// as were created within one <see cref="SignupWave"/> would have been, had each signed up when harvest-like
    /// accounts do (a binomial tail over their share of sign-ups in that window). One in ten thousand:
    /// three new researchers who use one harness and signed up in one week of a week-long log are a coincidence
    /// (about three in a thousand when a seventh of the harvest-like accounts signed up that week); eight throw-away accounts are not.
    /// </summary>
    public double MaxWaveChance { get; init; } = 1e-4;

    public static TemplateFamilyOptions Default { get; } = new();

    public void Validate()
    {
        if (MinRecurrence < 1 || MinAccounts < 2 || OrdinaryMinAccounts < 1 || SignupWave <= TimeSpan.Zero
            || MaxWaveChance is <= 0 or >= 1)
        {
            throw new ArgumentException("template family options out of range: recurrence >= 1, accounts >= 2, shares in (0, 1], a positive wave");
        }
    }
}
