using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SENIOR_EARLY: senior leaders engaged from the outset, so momentum can build early (§7.2.4).</summary>
[Name(RuleIds.SeniorEarly)]
public sealed class SeniorEarlyRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.SeniorEarly,
        "Senior engagement from the outset: momentum can build early",
        Polarity.Ingredient,
        ["7.2.4"],
        [ContextTerm.Present(Codes.SeniorEngagementEarly)],
        Codes.NationalLegitimacy,
        Codes.Momentum,
        1,
        "Unhedged: senior-level support \"is highly beneficial in terms of securing project initiation and continuation\" (§7.4.1), and without it from the outset momentum came late (§7.2.4).",
        "senior organisational leaders were involved from the outset [{SENIOR_ENGAGEMENT_EARLY}], so momentum can build early");
}
