using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection;

/// <summary>The root of detection's options: one validated record per stage, with named defaults (docs/scoring.md).</summary>
public sealed record DetectionOptions
{
    /// <summary>Account signals' weights and the thresholds of group judgement and verdicts (a trained model file replaces the weights).</summary>
    public ScoringParameters Scoring { get; init; } = ScoringParameters.Default;

    /// <summary>Template families born in one sign-up wave.</summary>
    public TemplateFamilyOptions TemplateFamilies { get; init; } = TemplateFamilyOptions.Default;

    /// <summary>Joining identity-linked clusters on their recurring wording.</summary>
    public WordingMergeOptions Wording { get; init; } = new();

    public static DetectionOptions Default { get; } = new();

    /// <summary>The linker's options, with its candidate threshold the scoring one.</summary>
    public LinkerOptions Linker => new() { CandidateThreshold = Scoring.CandidateThreshold };

    public void Validate()
    {
        Scoring.Validate();
        TemplateFamilies.Validate();
        if (Wording.MinSimilarity is <= 0 or > 1 || Wording.MinMembers < 1 || Wording.MinShared < 1)
        {
            throw new ArgumentException("wording options out of range: similarity in (0, 1], members and shared phrases >= 1");
        }
    }
}
