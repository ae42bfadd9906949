using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SCALE_UP_LIKELY: follow-on funding and a strategic-priority link make roll-out likely (§7.3.5, §7.4.3).</summary>
[Name(RuleIds.ScaleUpLikely)]
[Priority(RulePriorities.Find)]
public sealed class ScaleUpLikelyRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition followOn = default!;
        Condition priority = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => followOn, c => c.Initiative == initiative.Name, c => c.Code == Codes.FollowOnFunding,
                c => settings.Options.IsPresent(c.Score))
            .Match(() => priority, c => c.Initiative == initiative.Name, c => c.Code == Codes.StrategicPriorityLink,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.ScaleUpLikely, initiative,
                "the project secured follow-on funding [" + followOn.Describe() + "] and is linked to a strategic priority ["
                + priority.Describe() + "], so roll-out is likely",
                new[] { followOn, priority }, null, null, null));
    }
}
