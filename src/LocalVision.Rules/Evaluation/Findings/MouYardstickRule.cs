using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>MOU_YARDSTICK: a memorandum of understanding gives partners a shared yardstick (§7.3.3).</summary>
[Name(RuleIds.MouYardstick)]
public sealed class MouYardstickRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.MouYardstick,
        "A memorandum of understanding: a shared yardstick",
        Polarity.Ingredient,
        ["7.3.3"],
        [ContextTerm.Present(Codes.MouAgreed)],
        Codes.SharedNarrative,
        Codes.Momentum,
        1,
        "Unhedged: the MOU \"was a valuable part of the process and, in several cases had a positive impact on moving forwards with a shared agenda\" (§7.3.3).",
        "partners agreed a memorandum of understanding [{MOU_AGREED}], a shared yardstick for outcomes");
}
