using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PRIOR_TIE: a stakeholder who knew the Enabler before the start opens doors (§7.1.3, §7.3.1).</summary>
[Name(RuleIds.PriorTie)]
public sealed class PriorTieRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.PriorTie,
        "A stakeholder knew the Enabler before the start: doors open",
        Polarity.Ingredient,
        ["7.1.3", "7.3.1"],
        [ContextTerm.Present(Codes.PriorEnablerTie)],
        Codes.TrustBuilding,
        Codes.Momentum,
        1,
        "Unhedged: these relationships \"proved very valuable in getting projects up and running quickly\" (§7.1.3); a known Enabler \"proved helpful in terms of opening doors and building credibility\" (§7.3.1).",
        "a stakeholder already knew the Enabler [{PRIOR_ENABLER_TIE}], which opens doors and speeds the start");
}
