using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>COMMUNITY_MEASURABLE: community-level work makes service change easier to measure (§7.1.2).</summary>
[Name(RuleIds.CommunityMeasurable)]
public sealed class CommunityMeasurableRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.CommunityMeasurable,
        "Community level: service change is easier to measure",
        Polarity.Ingredient,
        ["7.1.2"],
        [ContextTerm.Present(Codes.LevelCommunity)],
        Codes.UserPerspective,
        Codes.ImprovingServices,
        0.5,
        "Half: \"it is easier to identify how community-based interventions lead to measurable service improvements\" (§7.1.2): easier to see, not said to be more likely to happen.",
        "the work is at community level [{LEVEL_COMMUNITY}], where service improvements are easier to measure");
}
