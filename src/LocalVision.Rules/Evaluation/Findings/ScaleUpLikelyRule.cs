using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SCALE_UP_LIKELY: follow-on funding and a strategic-priority link make roll-out likely (§7.4.3).</summary>
[Name(RuleIds.ScaleUpLikely)]
public sealed class ScaleUpLikelyRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.ScaleUpLikely,
        "Follow-on funding and a strategic-priority link: roll-out likely",
        Polarity.Ingredient,
        ["7.4.3"],
        [ContextTerm.Present(Codes.FollowOnFunding), ContextTerm.Present(Codes.StrategicPriorityLink)],
        null,
        Codes.ScaledUp,
        1,
        "Unhedged: \"where Local Vision projects are scaled-up this is almost always where they are linked to a strategic priority and further funding\" (§7.4.3).",
        "the project secured follow-on funding [{FOLLOW_ON_FUNDING}] and is linked to a strategic priority [{STRATEGIC_PRIORITY_LINK}], so roll-out is likely");
}
