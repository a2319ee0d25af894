using DistillGuard.Core.Model;

namespace DistillGuard.Core.Detection.Stages.TemplateFamilies;

/// <summary>Groups of accounts that share no identity but open their tasks in the same rare frames, born in one sign-up wave (<see cref="TemplateFamilyStage"/>).</summary>
internal sealed class TemplateFamiliesStage : IDetectionStage
{
    public string Name => "template-families";

    public DetectionState Run(DetectionState state)
    {
        var threshold = state.Options.Scoring.CandidateThreshold;
        var candidates = state.Candidates;
        var families = TemplateFamilyStage.Find(candidates, threshold, state.Options.TemplateFamilies);
        // The background a wave is measured against: when harvest-like accounts sign up.
        var created = candidates.Where(c => c.HarvestProbability >= threshold && c.State.CreatedTicks != long.MaxValue)
            .ToDictionary(c => c.State.AccountId, c => new DateTimeOffset(c.State.CreatedTicks, TimeSpan.Zero));
        return state with { Families = families, Clusters = TemplateFamilyStage.Link(state.Clusters, families, created, state.Options.TemplateFamilies) };
    }
}
