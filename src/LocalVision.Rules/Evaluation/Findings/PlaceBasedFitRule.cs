using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PLACE_BASED_FIT: a complementary place-based programme alongside is a good fit (§7.2.1).</summary>
[Name(RuleIds.PlaceBasedFit)]
public sealed class PlaceBasedFitRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.PlaceBasedFit,
        "Ran beside a complementary place-based programme: a good fit",
        Polarity.Ingredient,
        ["7.2.1"],
        [new ContextTerm(Codes.AlignedPlaceBased, Expectation.Present, EffectsNoneOf: ["DISTRACTS"])],
        null,
        Codes.Momentum,
        1,
        "Unhedged: with programmes taking a similar place-based approach \"there was generally a good fit and this was beneficial to Local Vision impact\" (§7.2.1).",
        "the project ran beside a complementary place-based programme [{ALIGNED_PLACE_BASED}], a platform for funding and systems working")
    {
        Parameters = [nameof(EvaluationOptions.PlaceBasedProgrammeNames)],
    };
}
