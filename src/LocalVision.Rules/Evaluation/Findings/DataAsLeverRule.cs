using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>DATA_AS_LEVER: data used to hold up the mirror galvanises partners (§8).</summary>
[Name(RuleIds.DataAsLever)]
public sealed class DataAsLeverRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.DataAsLever,
        "Data used as a lever: the mirror held up",
        Polarity.Ingredient,
        ["8"],
        [ContextTerm.Present(Codes.DataAsLever)],
        Codes.HoldingUpTheMirror,
        Codes.CatalysingChange,
        1,
        "Unhedged: in Hackney \"the role of data, or indeed, its absence, helped galvanise stakeholders into action\" (§8); \"data created the urgency to take action\" (§7.1.4).",
        "data was used as a lever to hold up the mirror [{DATA_AS_LEVER}]");
}
