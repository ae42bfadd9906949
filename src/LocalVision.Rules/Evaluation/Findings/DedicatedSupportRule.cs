using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>DEDICATED_SUPPORT: dedicated project and administrative support carries an admin-heavy project (§7.2.3).</summary>
[Name(RuleIds.DedicatedSupport)]
public sealed class DedicatedSupportRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.DedicatedSupport,
        "Dedicated project and administrative support",
        Polarity.Ingredient,
        ["7.2.3"],
        [ContextTerm.Present(Codes.DedicatedSupport)],
        null,
        Codes.Momentum,
        1,
        "Unhedged: greater administrative support \"would have been greatly beneficial\" (§7.2.3); projects \"would often benefit from ... more extensive administrative and project support\" (§7.3.5).",
        "the project had dedicated project and administrative support [{DEDICATED_SUPPORT}]");
}
