using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>FOCUSED: a distinct focus on a wicked issue makes a shared narrative easier to build, and momentum with it (§7.1.1).</summary>
[Name(RuleIds.Focused)]
public sealed class FocusedRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.Focused,
        "A distinct focus: a shared narrative partners can buy into",
        Polarity.Ingredient,
        ["7.1.1"],
        [ContextTerm.Present(Codes.FocusedProblem)],
        Codes.SharedNarrative,
        Codes.Momentum,
        1,
        "Unhedged: projects \"tended to build greater momentum where they had a distinct focus on a wicked issue\" (§7.1.1).",
        "the project had a distinct focus on a wicked issue [{FOCUSED_PROBLEM}], which makes a compelling shared narrative easier to build");
}
