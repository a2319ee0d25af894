using System.Text.Json.Serialization;
using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection;

/// <summary>
/// The root of detection's options: one validated record per stage, with named defaults (docs/scoring.md, "Every
/// parameter"). It is written with each run (<c>detection_options.json</c> and the store) and in a trained model file,
/// so a run can be reproduced from what it wrote (<see cref="DetectionOptionsJson"/>).
/// </summary>
public sealed record DetectionOptions
{
    private readonly LinkerOptions _linker = new();

    /// <summary>Account signals' curves and weights, and the thresholds of group judgement and verdicts (a trained model file replaces the weights).</summary>
    public ScoringParameters Scoring { get; init; } = ScoringParameters.Default;

    /// <summary>Linking on shared identity values, with timing evidence. Its candidate threshold is the scoring one.</summary>
    public LinkerOptions Linker
    {
        get => _linker.CandidateThreshold == Scoring.CandidateThreshold ? _linker : _linker with { CandidateThreshold = Scoring.CandidateThreshold };
        init => _linker = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Template families born in one sign-up wave.</summary>
    public TemplateFamilyOptions TemplateFamilies { get; init; } = TemplateFamilyOptions.Default;

    /// <summary>Joining identity-linked clusters on their recurring wording; also how alike an account's wording and a campaign's must be.</summary>
    public WordingMergeOptions Wording { get; init; } = new();

    /// <summary>Pulling unlinked accounts into the campaign whose wrapper phrases they repeat, and which phrases are ordinary.</summary>
    public PhrasePullInOptions PhrasePullIn { get; init; } = new();

    public static DetectionOptions Default { get; } = new();

    public void Validate()
    {
        Scoring.Validate();
        Linker.Validate();
        TemplateFamilies.Validate();
        if (Wording.MinSimilarity is <= 0 or > 1 || Wording.MinMembers < 1 || Wording.MinShared < 1)
        {
            throw new ArgumentException("wording options out of range: similarity in (0, 1], members and shared phrases >= 1");
        }

        if (PhrasePullIn.CampaignShare is <= 0 or > 1 || PhrasePullIn.MinContainment is <= 0 or > 1
            || PhrasePullIn.MinShared < 1 || PhrasePullIn.MinMembers < 1 || PhrasePullIn.OrdinaryMinAccounts < 1)
        {
            throw new ArgumentException("phrase pull-in options out of range: shares in (0, 1], counts >= 1");
        }
    }
}
