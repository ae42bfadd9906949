using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>ADEQUATE_TIME: enough lead time and length of engagement (§7.3.5).</summary>
[Name(RuleIds.AdequateTime)]
public sealed class AdequateTimeRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.AdequateTime,
        "Enough lead time and engagement",
        Polarity.Ingredient,
        ["7.3.5"],
        [ContextTerm.Present(Codes.AdequateTime)],
        null,
        Codes.Momentum,
        1,
        "Unhedged: projects \"would often benefit from greater lead time, a longer period of engagement with Enablers\" (§7.3.5).",
        "the lead time and length of engagement were judged sufficient [{ADEQUATE_TIME}]");
}
