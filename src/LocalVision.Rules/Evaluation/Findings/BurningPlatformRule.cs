using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>BURNING_PLATFORM: a recognised imperative that a range of partners share builds partnership and shared leadership (§7.1.4).</summary>
[Name(RuleIds.BurningPlatform)]
public sealed class BurningPlatformRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.BurningPlatform,
        "A burning platform shared by a range of partners",
        Polarity.Ingredient,
        ["7.1.4"],
        [ContextTerm.Present(Codes.BurningPlatform), ContextTerm.Present(DerivedCodes.SeveralPartners)],
        Codes.SharedNarrative,
        Codes.SharedLeadership,
        1,
        "Unhedged: \"where a range of partners identified a clear need for action this enhanced the building of partnership, collaborative ways of working and shared leadership\" (§7.1.4).",
        "a recognised imperative [{BURNING_PLATFORM}] is shared by a range of partners [{SEVERAL_PARTNERS}], which builds partnership and shared leadership")
    {
        Parameters = [nameof(EvaluationOptions.SeveralPartners)],
    };
}
