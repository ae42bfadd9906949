using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>COMMUNITY_LIGHT_BULB: meeting communities directly makes a user-perspective light bulb likely (§7.3.2).</summary>
[Name(RuleIds.CommunityLightBulb)]
public sealed class CommunityLightBulbRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.CommunityLightBulb,
        "Participants met communities directly: the light bulb",
        Polarity.Ingredient,
        ["7.3.2"],
        [ContextTerm.Present(Codes.CommunityEngagement)],
        Codes.UserPerspective,
        Codes.EngagingServiceUsers,
        1,
        "Unhedged: \"where this happened, it often served as a trigger for learning and reflection\" (§7.3.2).",
        "participants met communities and service users directly [{COMMUNITY_ENGAGEMENT}], so a user-perspective \"light bulb\" moment is likely");
}
