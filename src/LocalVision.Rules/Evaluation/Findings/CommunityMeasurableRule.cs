using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>COMMUNITY_MEASURABLE: community-level work makes service change easier to measure (§7.1.2).</summary>
[Name(RuleIds.CommunityMeasurable)]
[Priority(RulePriorities.Find)]
public sealed class CommunityMeasurableRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition community = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => community, c => c.Initiative == initiative.Name, c => c.Code == Codes.LevelCommunity,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.CommunityMeasurable, initiative,
                "the work is at community level [" + community.Describe() + "], where service improvements are easier to measure",
                new[] { community }, null, null, null));
    }
}
