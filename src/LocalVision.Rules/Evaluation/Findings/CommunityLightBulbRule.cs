using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>COMMUNITY_LIGHT_BULB: meeting communities directly makes the user-perspective mechanism likely (§7.3.2).</summary>
[Name(RuleIds.CommunityLightBulb)]
[Priority(RulePriorities.Find)]
public sealed class CommunityLightBulbRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition community = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => community, c => c.Initiative == initiative.Name, c => c.Code == Codes.CommunityEngagement,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.CommunityLightBulb, initiative,
                "participants met communities and service users directly [" + community.Describe() + "], so a user-perspective \"light bulb\" moment is likely",
                new[] { community }, null, null, null));
    }
}
