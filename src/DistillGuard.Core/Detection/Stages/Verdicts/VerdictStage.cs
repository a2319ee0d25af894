using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection.Stages.Verdicts;

/// <summary>Campaigns, accounts pulled in on wording or behaviour, and every account's verdict (<see cref="VerdictAssembler"/>).</summary>
internal sealed class VerdictStage : IDetectionStage
{
    public string Name => "verdicts";

    public DetectionState Run(DetectionState state) => state with
    {
        Verdicts = VerdictAssembler.Assemble(state.Features, state.Assessments, state.Judged, state.Options.Scoring, state.Options.PhrasePullIn, state.Options.Wording, state.Profiles, state.Phrases),
    };
}
